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

    /**
     * The policy field a GraalJS cancellation that Sluice did not cause stands for. Sluice's own cancels record
     * their outcome first, so only GraalJS's limits get here: the frame limit throws synchronously with its own
     * message; the CPU-time limit cancels from GraalJS's checker thread, and the guest thread then sees either
     * "Maximum CPU time limit ... exceeded" or the generic "Context execution was cancelled.".
     */
    static String limitName(PolyglotException e) {
        return String.valueOf(e.getMessage()).contains("frame limit") ? "stackFrames" : "cpuTimeMs";
    }

    static String limitMessage(PolyglotException e) {
        return switch (limitName(e)) {
            case "stackFrames" -> "the script recursed deeper than allowed";
            default -> "the script used more CPU time than allowed";
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
