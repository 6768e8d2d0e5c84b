package dev.sluice.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.RuntimeSettings;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptPolicy;
import dev.sluice.sandbox.ScriptResult;
import dev.sluice.sandbox.ScriptRunner;
import dev.sluice.sandbox.ScriptSet;
import dev.sluice.sandbox.modules.Modules;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What every benchmark shares: the runtime as the server builds it, script sets, and a checked call. */
final class BenchScripts {

    /** The trivial login of the warm-call and fresh-context benchmarks: calls back at once. */
    static final String TRIVIAL_LOGIN = "function login(e, p, cb) { cb(null, {user_id: e}); }";

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchScripts() {
    }

    /** A runner with the built-in modules and the default settings (what the server starts). */
    static GraalScriptRunner runner() {
        return runner(RuntimeSettings.defaults());
    }

    static GraalScriptRunner runner(RuntimeSettings settings) {
        return new GraalScriptRunner(settings, Modules.builtIn());
    }

    /** A login-only script set with the default policy with {@code policyOverrides} (a JSON object) merged over it. */
    static ScriptSet loginSet(String id, String source, Map<String, String> configuration, String policyOverrides) {
        try {
            ScriptPolicy policy = ScriptPolicy.merge(JSON.readTree(policyOverrides), "benchmark");
            return new ScriptSet(id, Map.of(ScriptKey.LOGIN, source), configuration, policy);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Plain string arguments as the runner takes them. */
    static List<JsonNode> args(String... values) {
        return Arrays.stream(values).<JsonNode>map(TextNode::valueOf).toList();
    }

    /**
     * Runs the login and returns its value; throws when the outcome is anything but success, so a benchmark can
     * never measure a fast failure by accident.
     */
    static JsonNode login(ScriptRunner runner, ScriptSet set, List<JsonNode> args) {
        return successValue(runner.run(set, ScriptKey.LOGIN, args).join());
    }

    static JsonNode successValue(ScriptResult result) {
        if (result.outcome() instanceof ScriptOutcome.Success success) {
            return success.value();
        }
        throw new IllegalStateException("the benchmark script did not succeed: " + result.outcome());
    }
}
