package dev.sluice.sandbox;

import java.util.Optional;

/**
 * The fields of an error a script passed to its callback (or threw), as plain data. Absent fields are empty.
 *
 * @param name the error's {@code name} ({@code Error}, {@code WrongUsernameOrPasswordError}, ...)
 * @param message its {@code message}
 * @param code its {@code code}, e.g. {@code user_exists}
 * @param description its {@code description}
 * @param userId its {@code user_id} (set by {@code WrongUsernameOrPasswordError(id)})
 * @param statusCode its {@code statusCode}
 */
public record ScriptError(
        String name,
        String message,
        Optional<String> code,
        Optional<String> description,
        Optional<String> userId,
        Optional<Integer> statusCode) {

    /** A plain {@code Error} with a message, used for failures Sluice itself reports (load errors, throws). */
    public static ScriptError of(String name, String message) {
        return new ScriptError(name, message, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
