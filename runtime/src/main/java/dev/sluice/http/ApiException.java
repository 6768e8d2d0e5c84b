package dev.sluice.http;

/**
 * A request the server refuses, carrying the HTTP status, the platform's error code ({@code invalid_request},
 * {@code unsupported_grant_type}, ...) and a message meant for the client. {@link FailureHandler} turns it into
 * the response shape of the API the route belongs to; nothing else writes error responses. The message must never
 * contain a password, token or secret.
 */
public final class ApiException extends RuntimeException {

    private final int statusCode;
    private final String errorCode;

    /**
     * @param statusCode the HTTP status, 400–599
     * @param errorCode the platform's error code
     * @param message what went wrong, for the client
     */
    public ApiException(int statusCode, String errorCode, String message) {
        super(message, null, false, false); // a refusal, not a bug: no stack trace to collect
        if (statusCode < 400 || statusCode > 599) {
            throw new IllegalArgumentException("not an error status: " + statusCode);
        }
        this.statusCode = statusCode;
        this.errorCode = errorCode;
    }

    /** 400 {@code invalid_request}: the request is malformed or misses a parameter. */
    public static ApiException invalidRequest(String message) {
        return new ApiException(400, "invalid_request", message);
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
