package dev.sluice.config;

/**
 * A setting that stops startup: its message starts with the setting at fault (an environment variable such as
 * {@code SLUICE_PORT}, a key path in the configuration file such as {@code db.url (in /etc/sluice.json)}, or a
 * file Sluice generated), then says what is wrong. Messages never contain a secret's value.
 *
 * <p>Unchecked: a configuration error is fatal, and only the CLI catches it (to print it and exit non-zero).
 */
public final class ConfigException extends RuntimeException {

    private final String setting;

    /**
     * @param setting the setting at fault, as the operator would write it
     * @param problem what is wrong with it, without any secret value
     */
    public ConfigException(String setting, String problem) {
        super(setting + ": " + problem);
        this.setting = setting;
    }

    /** The same, keeping the I/O or parse failure that caused it. */
    public ConfigException(String setting, String problem, Throwable cause) {
        super(setting + ": " + problem, cause);
        this.setting = setting;
    }

    /** The setting at fault: {@code SLUICE_PORT}, {@code port (in /etc/sluice.json)} or a generated file's path. */
    public String setting() {
        return setting;
    }
}
