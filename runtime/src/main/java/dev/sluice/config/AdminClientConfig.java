package dev.sluice.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The bootstrap Management API client: configured, or generated on first start and kept in a file under the data
 * directory readable only by its owner. {@link #toString()} never shows the secret.
 *
 * @param id the client id
 * @param secret the client secret
 * @param file the file the client was read from or generated into; empty when it came from configuration
 */
public record AdminClientConfig(String id, String secret, Optional<Path> file) {

    /** Shortest secret accepted from configuration. */
    public static final int MIN_SECRET_LENGTH = 16;

    public AdminClientConfig {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("invalid client id");
        }
        if (!isValidSecret(secret)) {
            throw new IllegalArgumentException("invalid client secret");
        }
    }

    /** True for 1 to 128 printable ASCII characters without spaces. */
    static boolean isValidId(String id) {
        return !id.isEmpty() && id.length() <= 128 && id.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /** True for at least {@link #MIN_SECRET_LENGTH} printable ASCII characters without spaces. */
    static boolean isValidSecret(String secret) {
        return secret.length() >= MIN_SECRET_LENGTH && secret.length() <= 1024
                && secret.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    @Override
    public String toString() {
        return "AdminClientConfig[id=" + id + ", secret=***, file=" + file.map(Path::toString).orElse("") + "]";
    }
}
