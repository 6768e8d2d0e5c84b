package dev.sluice.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** How one script execution ended. Script failures are values until a flow decides what they mean. */
public sealed interface ScriptOutcome {

    /** The script called back without an error; {@code value} is its second argument as plain data (JSON null when absent). */
    record Success(JsonNode value) implements ScriptOutcome {
        public Success {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The script called back with an error, threw, or could not be loaded. */
    record Failure(ScriptError error) implements ScriptOutcome {
        public Failure {
            Objects.requireNonNull(error, "error");
        }
    }

    /** A sandbox limit was breached; {@code name} is the policy field (e.g. {@code wallTimeMs}). */
    record Limit(String name, String message) implements ScriptOutcome {
        public Limit {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Too many executions were running already; nothing was run. */
    record Busy(String message) implements ScriptOutcome {
    }

    /** The outcome's name as printed by the CLI and the try API. */
    default String kind() {
        return switch (this) {
            case Success s -> "success";
            case Failure f -> "failure";
            case Limit l -> "limit";
            case Busy b -> "busy";
        };
    }
}
