package dev.sluice.config;

import java.nio.file.Path;

/**
 * Where Sluice keeps its files: the embedded database by default, the generated admin client and encryption key.
 *
 * @param directory an absolute, existing, writable directory
 */
public record DataConfig(Path directory) {

    public DataConfig {
        if (!directory.isAbsolute()) {
            throw new IllegalArgumentException("data directory must be absolute: " + directory);
        }
    }
}
