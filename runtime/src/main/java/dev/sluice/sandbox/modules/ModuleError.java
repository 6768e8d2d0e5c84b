package dev.sluice.sandbox.modules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.Map;

/**
 * A failure a module reports to the guest, with the fields the npm package's errors carry. The JS facade turns
 * the JSON form into an {@code Error} whose own properties are these fields.
 */
public final class ModuleError extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> fields;

    /** A failure with a message and extra fields such as {@code code} or {@code errno}. */
    public ModuleError(String message, Map<String, Object> fields) {
        super(message, null, false, false);
        this.fields = Map.copyOf(fields);
    }

    /** A failure with a message and a {@code code}. */
    public static ModuleError withCode(String code, String message) {
        return new ModuleError(message, Map.of("code", code));
    }

    /**
     * Describes any throwable as JSON {@code {"message": ..., ...fields}} without exposing Java class names for
     * unexpected exceptions (those read "internal error in module").
     */
    public static String toJson(Throwable error) {
        ObjectNode node = JSON.createObjectNode();
        if (error instanceof ModuleError moduleError) {
            node.put("message", moduleError.getMessage());
            moduleError.fields.forEach((key, value) -> node.set(key, JSON.valueToTree(value)));
        } else if (error instanceof SQLException sql) {
            node.put("message", String.valueOf(sql.getMessage()));
            node.put("sqlState", sql.getSQLState());
            node.put("errno", sql.getErrorCode());
        } else if (error instanceof java.io.IOException io) {
            node.put("message", String.valueOf(io.getMessage()));
        } else {
            node.put("message", "internal error in module");
        }
        return node.toString();
    }
}
