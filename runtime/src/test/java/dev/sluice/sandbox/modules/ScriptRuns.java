package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sandbox.ScriptRunner;
import dev.sluice.sandbox.Sandboxes;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptResult;

/** Test helper for module tests: runs a {@code login} script in the real sandbox and reads what it called back. */
final class ScriptRuns {

    private ScriptRuns() {
    }

    /** Runs {@code source} as a login script with {@code (email, password)} and returns the whole result. */
    static ScriptResult login(ScriptRunner runner, String source, String email, String password) {
        return Sandboxes.run(runner, Sandboxes.set(ScriptKey.LOGIN, source), ScriptKey.LOGIN, email, password);
    }

    /** Runs {@code source} as a login script and returns the value it called back with, failing on anything else. */
    static JsonNode value(ScriptRunner runner, String source) {
        ScriptResult result = login(runner, source, "user@example.com", "pw");
        assertThat(result.outcome()).as("outcome of %s (console %s)", source, result.console())
                .isInstanceOf(ScriptOutcome.Success.class);
        return ((ScriptOutcome.Success) result.outcome()).value();
    }
}
