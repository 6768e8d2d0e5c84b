package dev.sluice.connection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A connection's {@code options}.
 *
 * @param customScripts script key to JS source
 * @param configuration the {@code configuration} global's values (secrets: encrypted at rest, never returned)
 * @param settings every other option as sent ({@code enabledDatabaseCustomization}, {@code import_mode},
 *                 {@code requires_username}, {@code disable_signup}, {@code brute_force_protection},
 *                 {@code enable_script_context}, {@code passwordPolicy}, ...), without the two maps above
 */
public record ConnectionOptions(Map<String, String> customScripts, Map<String, String> configuration,
                                ObjectNode settings) {
    public ConnectionOptions {
        customScripts = java.util.Collections.unmodifiableMap(new TreeMap<>(customScripts));
        configuration = java.util.Collections.unmodifiableMap(new TreeMap<>(configuration));
        settings = Objects.requireNonNull(settings, "settings").deepCopy();
        settings.remove("customScripts");
        settings.remove("configuration");
    }

    /** A copy of the other options. */
    @Override
    public ObjectNode settings() {
        return settings.deepCopy();
    }

    @Override
    public String toString() {
        return "ConnectionOptions[scripts=" + customScripts.keySet() + ", configuration=" + configuration.keySet()
                + ", settings=" + settings + "]";
    }
}
