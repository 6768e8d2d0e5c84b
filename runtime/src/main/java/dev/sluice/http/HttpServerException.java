package dev.sluice.http;

/** The HTTP server could not start (typically: its port is taken) or stop; the message says what and why. */
public final class HttpServerException extends RuntimeException {

    /**
     * @param message which port and what went wrong
     * @param cause the bind or startup failure
     */
    public HttpServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
