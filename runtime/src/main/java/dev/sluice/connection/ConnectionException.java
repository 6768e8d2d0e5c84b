package dev.sluice.connection;

/**
 * A connection request the server refuses, with the HTTP status and the platform's error code the HTTP layer
 * answers with: 400 {@code invalid_body} (validation), 404 {@code inexistent_connection}, 409
 * {@code connection_exists}. The message names the offending field or script key and never carries a
 * configuration value.
 */
public final class ConnectionException extends RuntimeException {

    private final int statusCode;
    private final String errorCode;

    /**
     * @param statusCode the HTTP status, 400–499
     * @param errorCode the platform's error code
     * @param message what went wrong, for the client
     */
    public ConnectionException(int statusCode, String errorCode, String message) {
        super(message, null, false, false);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
    }

    /** 400 {@code invalid_body}. */
    public static ConnectionException invalid(String message) {
        return new ConnectionException(400, "invalid_body", message);
    }

    /** 404 {@code inexistent_connection}. */
    public static ConnectionException notFound(String id) {
        return new ConnectionException(404, "inexistent_connection", "The connection does not exist");
    }

    /** 409 {@code connection_exists}. */
    public static ConnectionException duplicateName(String name) {
        return new ConnectionException(409, "connection_exists", "A connection with the same name already exists");
    }

    /** The HTTP status. */
    public int statusCode() {
        return statusCode;
    }

    /** The platform's error code. */
    public String errorCode() {
        return errorCode;
    }
}
