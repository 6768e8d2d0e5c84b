package dev.sluice.http;

import dev.sluice.config.ServerConfig;

/**
 * What the HTTP server listens on and accepts.
 *
 * @param port the TCP port; 0 picks a free one (tests)
 * @param maxBodyBytes the largest request body accepted; a larger one is refused with 413
 */
public record HttpSettings(int port, int maxBodyBytes) {

    public HttpSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("http.port: must be between 0 and 65535, got " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("http.maxBodyBytes: must be positive, got " + maxBodyBytes);
        }
    }

    /** The settings of the configured server. */
    public static HttpSettings of(ServerConfig server) {
        return new HttpSettings(server.port(), server.maxBodyBytes());
    }
}
