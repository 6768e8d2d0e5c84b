package dev.sluice.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Validation and normalization of the fields that are keys or columns. Keys never start or end with white space:
 * MySQL/MariaDB compare with trailing spaces ignored, H2 and PostgreSQL do not, so such keys are refused everywhere
 * to keep the engines in step.
 */
final class UserFields {

    /** Profile attributes that have their own columns and are therefore removed from the JSON profile. */
    static final Set<String> RESERVED = Set.of("user_id", "id", "email", "email_verified", "username", "password",
            "password_hash", "connection");

    static final int MAX_CONNECTION = 128;
    static final int MAX_KEY = 255;
    static final int MAX_HASH = 512;

    private UserFields() {
    }

    static String key(String field, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + ": must not be empty");
        }
        if (!isClean(value) || value.length() > maxLength) {
            throw new IllegalArgumentException(field + ": must be at most " + maxLength
                    + " characters, without leading or trailing white space");
        }
        return value;
    }

    static Optional<String> optionalKey(String field, Optional<String> value, int maxLength) {
        return value.map(present -> key(field, present, maxLength));
    }

    /** Emails are stored and compared in lower case (ROOT locale). */
    static String email(String value) {
        return key("email", value, MAX_KEY).toLowerCase(Locale.ROOT);
    }

    static boolean isClean(String value) {
        return !value.isEmpty() && value.strip().length() == value.length() && value.indexOf('\0') < 0;
    }

    /** A copy of {@code profile} without the {@link #RESERVED} attributes. */
    static ObjectNode profile(ObjectNode profile) {
        ObjectNode copy = profile.deepCopy();
        copy.remove(RESERVED);
        return copy;
    }
}
