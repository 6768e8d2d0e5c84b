package dev.sluice.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/** The one place a {@link PolyglotException} or a guest error object becomes Sluice's plain data. */
final class PolyglotErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolyglotErrors() {
    }

    /** The policy field a GraalJS resource-limit cancellation stands for. */
    static String limitName(PolyglotException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("CPU time")) {
            return "cpuTimeMs";
        }
        if (message.contains("frame limit")) {
            return "stackFrames";
        }
        return "cancelled";
    }

    static String limitMessage(PolyglotException e) {
        return switch (limitName(e)) {
            case "cpuTimeMs" -> "the script used more CPU time than allowed";
            case "stackFrames" -> "the script recursed deeper than allowed";
            default -> "the execution was cancelled";
        };
    }

    /** A thrown guest value (an Error, a string, anything) as the fields of a failure. */
    static ScriptError guestError(PolyglotException e, Value bootstrap) {
        Value thrown = e.getGuestObject();
        if (thrown != null && bootstrap != null) {
            try {
                return scriptError(JSON.readTree(bootstrap.getMember("describeError").execute(thrown).asString()));
            } catch (PolyglotException | com.fasterxml.jackson.core.JsonProcessingException ignored) {
                // Describing the error failed (e.g. a hostile getter); fall back to GraalJS's own message.
            }
        }
        return ScriptError.of("Error", String.valueOf(e.getMessage()));
    }

    /** The bootstrap's {@code describeError} JSON as a {@link ScriptError}. */
    static ScriptError scriptError(JsonNode node) {
        return new ScriptError(
                node.path("name").asText("Error"),
                node.path("message").asText(""),
                text(node, "code"),
                text(node, "description"),
                text(node, "user_id"),
                node.path("statusCode").isInt() ? Optional.of(node.get("statusCode").asInt()) : Optional.empty());
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
