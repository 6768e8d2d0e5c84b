package dev.sluice.sandbox;

import java.util.List;

/**
 * One execution's outcome with what it printed, how long it took and how many password hashes it asked for.
 *
 * @param outcome how it ended
 * @param console the lines it logged, in order, each prefixed by nothing (levels are kept as {@code [warn] })
 * @param durationMs wall time from the call to the outcome
 * @param passwordHashes bcrypt and PBKDF2 computations or checks the script asked for before its outcome
 */
public record ScriptResult(ScriptOutcome outcome, List<String> console, long durationMs, int passwordHashes) {
    public ScriptResult {
        console = List.copyOf(console);
    }

    /** A result that computed no password hash. */
    public ScriptResult(ScriptOutcome outcome, List<String> console, long durationMs) {
        this(outcome, console, durationMs, 0);
    }
}
