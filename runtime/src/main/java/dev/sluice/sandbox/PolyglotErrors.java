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
     * The outcome of a GraalJS cancellation or resource exhaustion that Sluice did not cause. Sluice's own cancels
     * (wall time, CPU time, allocation) record their outcome first, so the only GraalJS limit that gets here is the
     * frame limit ({@code sandbox.MaxStackFrames}, thrown synchronously with its own message); any other
     * cancellation (the runtime closing under a running script) is a failure, not a policy limit.
     */
    static ScriptOutcome cancelled(PolyglotException e) {
        if (String.valueOf(e.getMessage()).contains("frame limit")) {
            return new ScriptOutcome.Limit("stackFrames", "the script recursed deeper than allowed");
        }
        return new ScriptOutcome.Failure(ScriptError.of("Error", "the execution was cancelled"));
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
