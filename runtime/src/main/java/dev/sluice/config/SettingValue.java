package dev.sluice.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One setting's raw text and where it came from: the environment, or the JSON file {@code file}.
 *
 * @param file the configuration file the value was read from; empty when it came from the environment
 */
record SettingValue(Setting setting, String text, Optional<Path> file) {

    /** The setting as the operator wrote it: {@code SLUICE_PORT} or {@code port (in /etc/sluice.json)}. */
    String where() {
        return file.map(f -> setting.jsonPath() + " (in " + f + ")").orElse(setting.env());
    }

    /** This value as a path: relative to the file's directory when it came from the file, else to {@code base}. */
    Path asPath(Path base) {
        Path directory = file.map(f -> f.toAbsolutePath().getParent()).orElse(base);
        return directory.resolve(text).toAbsolutePath().normalize();
    }

    /** A configuration error about this value. */
    ConfigException invalid(String problem) {
        return new ConfigException(where(), problem);
    }
}
