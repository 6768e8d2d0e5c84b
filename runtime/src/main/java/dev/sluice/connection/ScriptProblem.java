package dev.sluice.connection;

import java.util.Objects;

/**
 * One script of a connection that cannot be accepted: an unknown key, a syntax error (with its line) or an
 * oversize source.
 *
 * @param key the script key as sent in {@code options.customScripts}
 * @param message what is wrong, naming the key (and the line for syntax errors)
 */
public record ScriptProblem(String key, String message) {
    public ScriptProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }
}
