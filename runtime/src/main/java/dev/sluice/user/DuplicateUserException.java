package dev.sluice.user;

/**
 * A user could not be created or changed because another user of the same connection already has that
 * {@link Key}. Detected by the database's unique constraints, so concurrent attempts yield one winner and this
 * exception for every other. Maps to HTTP {@value #STATUS} with the platform code {@value #ERROR_CODE} (signup
 * answers 400 with the same code; the flow decides).
 */
public final class DuplicateUserException extends RuntimeException {

    /** The HTTP status of a duplicate on the Management API. */
    public static final int STATUS = 409;

    /** The platform's error code. */
    public static final String ERROR_CODE = "user_exists";

    /** Which unique key collided. */
    public enum Key {
        /** The script's {@code user_id}. */
        USER_ID,
        /** The lower-cased email. */
        EMAIL,
        /** The username. */
        USERNAME
    }

    private final String connection;
    private final Key key;

    public DuplicateUserException(String connection, Key key) {
        super("The user already exists.");
        this.connection = connection;
        this.key = key;
    }

    /** The connection in which the key is taken. */
    public String connection() {
        return connection;
    }

    /** The key that is taken. */
    public Key key() {
        return key;
    }

    /** The HTTP status this maps to. */
    public int statusCode() {
        return STATUS;
    }

    /** The platform's error code. */
    public String errorCode() {
        return ERROR_CODE;
    }
}
