package dev.sluice.sandbox;

import java.util.List;

/**
 * One execution's outcome with what it printed and how long it took.
 *
 * @param outcome how it ended
 * @param console the lines it logged, in order, each prefixed by nothing (levels are kept as {@code [warn] })
 * @param durationMs wall time from the call to the outcome
 */
public record ScriptResult(ScriptOutcome outcome, List<String> console, long durationMs) {
    public ScriptResult {
        console = List.copyOf(console);
    }
}
