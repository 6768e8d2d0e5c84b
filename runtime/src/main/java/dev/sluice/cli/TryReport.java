package dev.sluice.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sandbox.ScriptError;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON object {@code sluice try} prints: {@code outcome}, {@code value}, {@code error}, {@code limit},
 * {@code console}, {@code durationMs}. Fields that do not apply are null.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record TryReport(String outcome, JsonNode value, Map<String, Object> error, String limit, String message,
                 List<String> console, long durationMs) {

    static TryReport of(ScriptResult result) {
        ScriptOutcome outcome = result.outcome();
        return switch (outcome) {
            case ScriptOutcome.Success s -> report(result, s.value(), null, null, null);
            case ScriptOutcome.Failure f -> report(result, null, fields(f.error()), null, null);
            case ScriptOutcome.Limit l -> report(result, null, null, l.name(), l.message());
            case ScriptOutcome.Busy b -> report(result, null, null, null, b.message());
        };
    }

    private static TryReport report(ScriptResult result, JsonNode value, Map<String, Object> error, String limit,
                                    String message) {
        return new TryReport(result.outcome().kind(), value, error, limit, message, result.console(),
                result.durationMs());
    }

    /** The error fields of CONTRACT.md §1; absent ones are null. */
    static Map<String, Object> fields(ScriptError error) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", error.name());
        out.put("message", error.message());
        out.put("code", error.code().orElse(null));
        out.put("description", error.description().orElse(null));
        out.put("user_id", error.userId().orElse(null));
        out.put("statusCode", error.statusCode().orElse(null));
        return out;
    }
}
