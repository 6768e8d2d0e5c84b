package dev.sluice.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real sandbox runner for one test class: started before its first test, closed after its last. Use as
 * {@code @RegisterExtension static final SandboxRunner runner = new SandboxRunner();} and pass it wherever a
 * {@link ScriptRunner} is expected.
 */
public final class SandboxRunner implements ScriptRunner, BeforeAllCallback, AfterAllCallback {

    private GraalScriptRunner delegate;

    @Override
    public void beforeAll(ExtensionContext context) {
        delegate = Sandboxes.runner();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        delegate.close();
    }

    @Override
    public CompletableFuture<ScriptResult> run(ScriptSet scripts, ScriptKey key, List<JsonNode> args) {
        return delegate.run(scripts, key, args);
    }

    @Override
    public List<ScriptError> validate(ScriptSet scripts) {
        return delegate.validate(scripts);
    }

    @Override
    public RuntimeHealth health() {
        return delegate.health();
    }

    /** Closed by the extension after the class; calling it from a test is a mistake. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("the extension closes the runner after the test class");
    }
}
