package dev.sluice.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.sandbox.modules.Modules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Test helper: script sets from one source, and running them to a result. */
public final class Sandboxes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();

    private Sandboxes() {
    }

    /** A runner with the built-in modules and default settings; close it after the test class. */
    public static GraalScriptRunner runner() {
        return new GraalScriptRunner(RuntimeSettings.defaults(), Modules.builtIn());
    }

    /** A fresh script set (its own contexts) holding one script. */
    public static ScriptSet set(ScriptKey key, String source) {
        return set(key, source, Map.of(), ScriptPolicy.defaults());
    }

    /** A fresh script set with configuration and policy overrides (a JSON object, may be {@code "{}"}). */
    public static ScriptSet set(ScriptKey key, String source, Map<String, String> configuration, String policy) {
        try {
            return set(key, source, configuration, ScriptPolicy.merge(JSON.readTree(policy), "test"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static ScriptSet set(ScriptKey key, String source, Map<String, String> configuration,
                                ScriptPolicy policy) {
        return new ScriptSet("test-" + IDS.incrementAndGet(), Map.of(key, source), configuration, policy);
    }

    /** Runs {@code key} of {@code set} with {@code args} (plain Java values) and waits up to a minute. */
    public static ScriptResult run(ScriptRunner runner, ScriptSet set, ScriptKey key, Object... args) {
        List<JsonNode> json = new ArrayList<>();
        for (Object arg : args) {
            json.add(JSON.valueToTree(arg));
        }
        try {
            return runner.run(set, key, json).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the execution did not complete", e);
        }
    }
}
