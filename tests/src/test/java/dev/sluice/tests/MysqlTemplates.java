package dev.sluice.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptPolicy;
import dev.sluice.sandbox.ScriptResult;
import dev.sluice.sandbox.ScriptRunner;
import dev.sluice.sandbox.ScriptSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The files of {@code scripts-templates/mysql/} as one connection's script set, and running them. */
final class MysqlTemplates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MysqlTemplates() {
    }

    /** The checkout: the parent of the tests module, which is the working directory surefire runs in. */
    static Path repoRoot() {
        Path root = Path.of("").toAbsolutePath().getParent();
        if (root == null || !Files.isRegularFile(root.resolve("bin/sluice"))) {
            throw new IllegalStateException("run from the tests module: no bin/sluice above "
                    + Path.of("").toAbsolutePath());
        }
        return root;
    }

    /** The template file of {@code key}, e.g. {@code scripts-templates/mysql/login.js}. */
    static Path file(ScriptKey key) {
        return repoRoot().resolve("scripts-templates/mysql/" + key.key() + ".js");
    }

    /** All seven templates as one connection's scripts, as an operator would upload them. */
    static ScriptSet scriptSet(String id, Map<String, String> configuration) {
        Map<ScriptKey, String> scripts = new EnumMap<>(ScriptKey.class);
        for (ScriptKey key : ScriptKey.values()) {
            try {
                scripts.put(key, Files.readString(file(key)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ScriptSet(id, scripts, configuration, loopbackPolicy());
    }

    /** The default policy plus {@code allowLoopback}: the test databases listen on 127.0.0.1. */
    static ScriptPolicy loopbackPolicy() {
        return ScriptPolicy.merge(JSON.createObjectNode().put("allowLoopback", true), "tests");
    }

    /** Runs {@code key} with {@code args} (plain Java values) and waits up to a minute for the result. */
    static ScriptResult run(ScriptRunner runner, ScriptSet set, ScriptKey key, Object... args) {
        List<JsonNode> json = new ArrayList<>();
        for (Object arg : args) {
            json.add(JSON.valueToTree(arg));
        }
        try {
            return runner.run(set, key, json).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + key.key(), e);
        } catch (Exception e) {
            throw new AssertionError("the execution of " + key.key() + " did not complete", e);
        }
    }
}
