package dev.sluice.http;

import java.util.List;

/**
 * What {@code GET /health} reports.
 *
 * @param ready true when the server can serve requests (200); false answers 503
 * @param truffleRuntime the sandbox's Truffle runtime, such as {@code Interpreted}
 * @param problems why it is not ready, oldest first; empty when ready. Must not contain secrets
 */
public record Health(boolean ready, String truffleRuntime, List<String> problems) {

    public Health {
        problems = List.copyOf(problems);
    }
}
