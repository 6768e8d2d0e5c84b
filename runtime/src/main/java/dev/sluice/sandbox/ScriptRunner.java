package dev.sluice.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs database action scripts. The one seam between callers and the sandbox, so that execution can move into
 * supervised worker processes without touching callers.
 */
public interface ScriptRunner extends AutoCloseable {

    /**
     * Runs script {@code key} of {@code scripts} with {@code args} (the arguments before the callback, as plain
     * data). Never blocks: excess load completes at once with {@link ScriptOutcome.Busy}. The future never
     * completes exceptionally; every problem is an outcome.
     */
    CompletableFuture<ScriptResult> run(ScriptSet scripts, ScriptKey key, List<JsonNode> args);

    /**
     * Parses every script of {@code scripts} without running any, returning one failure per script that does not
     * load (syntax error with its line, oversize script); empty when all load. Blocking.
     */
    List<ScriptError> validate(ScriptSet scripts);

    /** Whether the runtime is healthy: false after a cancel that did not complete within its grace period. */
    RuntimeHealth health();

    /** Stops all JS threads and closes every context. */
    @Override
    void close();
}
