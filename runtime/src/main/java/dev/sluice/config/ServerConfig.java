package dev.sluice.config;

/**
 * The HTTP server's slice of the configuration.
 *
 * @param port the TCP port to listen on (1–65535)
 * @param maxBodyBytes the largest request body accepted; a larger one is refused with 413
 */
public record ServerConfig(int port, int maxBodyBytes) {

    /** Default port. */
    public static final int DEFAULT_PORT = 8080;
    /** Default body limit: 1 MiB, room for a connection carrying all seven scripts at the 100 kB script limit. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** Smallest body limit accepted: 1 KiB. */
    public static final int MIN_BODY_BYTES = 1024;
    /** Largest body limit accepted: 64 MiB. */
    public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    public ServerConfig {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxBodyBytes < MIN_BODY_BYTES || maxBodyBytes > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("maxBodyBytes out of range: " + maxBodyBytes);
        }
    }
}
