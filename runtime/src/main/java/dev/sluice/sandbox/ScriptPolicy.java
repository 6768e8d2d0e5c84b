package dev.sluice.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The limits and permissions executions of one script set run under. Loaded from {@code sandbox-policy/default.json}
 * (bundled as a resource) with an optional file merged over it; every field is documented in
 * {@code sandbox-policy/README.md}.
 */
public record ScriptPolicy(
        long wallTimeMs,
        long cpuTimeMs,
        long allocatedBytes,
        int stackFrames,
        long consoleBytes,
        long resultBytes,
        long scriptBytes,
        int maxConcurrentPerScriptSet,
        int maxConcurrent,
        int contextMaxExecutions,
        long contextMaxAgeMs,
        long queryTimeoutMs,
        long responseBytes,
        List<String> modules,
        List<String> allowedHosts,
        boolean allowLoopback,
        boolean allowPrivateNetworks,
        boolean legacyGlobals) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("wallTimeMs", "cpuTimeMs", "allocatedBytes", "stackFrames",
            "consoleBytes", "resultBytes", "scriptBytes", "maxConcurrentPerScriptSet", "maxConcurrent",
            "contextMaxExecutions", "contextMaxAgeMs", "queryTimeoutMs", "responseBytes", "modules", "allowedHosts",
            "allowLoopback", "allowPrivateNetworks", "legacyGlobals");

    public ScriptPolicy {
        modules = List.copyOf(modules);
        allowedHosts = List.copyOf(allowedHosts);
    }

    /** The outbound-host rules modules enforce. */
    public dev.sluice.sandbox.modules.OutboundRules outbound() {
        return new dev.sluice.sandbox.modules.OutboundRules(allowedHosts, allowLoopback, allowPrivateNetworks);
    }

    /** The bundled defaults. */
    public static ScriptPolicy defaults() {
        return fromJson(defaultsJson(), "default.json");
    }

    /** The defaults with the fields of {@code file} merged over them. */
    public static ScriptPolicy load(Path file) {
        try {
            return merge(JSON.readTree(Files.readString(file)), file.toString());
        } catch (JsonProcessingException e) {
            throw new PolicyException(file + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** The defaults with the fields of {@code overrides} (a JSON object) merged over them. */
    public static ScriptPolicy merge(JsonNode overrides, String origin) {
        if (!overrides.isObject()) {
            throw new PolicyException(origin + ": a policy is a JSON object");
        }
        ObjectNode merged = defaultsJson().deepCopy();
        for (Iterator<String> names = overrides.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new PolicyException(origin + ": unknown field '" + name + "'");
            }
            merged.set(name, overrides.get(name));
        }
        return fromJson(merged, origin);
    }

    private static ObjectNode defaultsJson() {
        try (InputStream in = ScriptPolicy.class.getResourceAsStream("/sandbox-policy/default.json")) {
            if (in == null) {
                throw new IllegalStateException("sandbox-policy/default.json is missing from the classpath");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ScriptPolicy fromJson(JsonNode node, String origin) {
        Reader r = new Reader(node, origin);
        ScriptPolicy policy = new ScriptPolicy(
                r.positive("wallTimeMs"), r.positive("cpuTimeMs"), r.positive("allocatedBytes"),
                (int) r.positive("stackFrames"), r.positive("consoleBytes"), r.positive("resultBytes"),
                r.positive("scriptBytes"), (int) r.positive("maxConcurrentPerScriptSet"),
                (int) r.positive("maxConcurrent"), (int) r.positive("contextMaxExecutions"),
                r.positive("contextMaxAgeMs"), r.positive("queryTimeoutMs"), r.positive("responseBytes"),
                r.strings("modules"), r.strings("allowedHosts"), r.bool("allowLoopback"),
                r.bool("allowPrivateNetworks"), r.bool("legacyGlobals"));
        try {
            policy.outbound();
        } catch (IllegalArgumentException e) {
            throw new PolicyException(origin + ": allowedHosts: " + e.getMessage());
        }
        if (policy.stackFrames > 5000) {
            throw new PolicyException(origin + ": stackFrames must be at most 5000 (guest recursion must stay far "
                    + "from the end of the JS thread's stack, or a cancel cannot stop it)");
        }
        return policy;
    }

    /** Reads fields with the path of the bad one in every error. */
    private record Reader(JsonNode node, String origin) {
        long positive(String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() <= 0) {
                throw new PolicyException(origin + ": " + field + " must be a positive integer");
            }
            return value.asLong();
        }

        boolean bool(String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isBoolean()) {
                throw new PolicyException(origin + ": " + field + " must be true or false");
            }
            return value.asBoolean();
        }

        List<String> strings(String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isArray()) {
                throw new PolicyException(origin + ": " + field + " must be an array of strings");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    throw new PolicyException(origin + ": " + field + " must be an array of strings");
                }
                out.add(item.asText());
            }
            return out;
        }
    }

    /** A policy file that cannot be used; the message names the file and the field. */
    public static final class PolicyException extends RuntimeException {
        public PolicyException(String message) {
            super(message);
        }
    }
}
