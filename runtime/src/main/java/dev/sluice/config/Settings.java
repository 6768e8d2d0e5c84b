package dev.sluice.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The raw settings after layering: the JSON file's values, then the environment's over them, setting by setting.
 * An empty environment variable counts as unset. The encryption key is layered as a whole: a key or key file given
 * in the environment replaces both of the file's key settings.
 */
final class Settings {

    private final Map<Setting, SettingValue> values;

    private Settings(Map<Setting, SettingValue> values) {
        this.values = values;
    }

    /** The settings from {@code environment} over those of the file it names in {@code SLUICE_CONFIG}, if any. */
    static Settings read(Map<String, String> environment, Path base) {
        Map<Setting, SettingValue> fromFile = Optional.ofNullable(environment.get(Setting.CONFIG_FILE))
                .filter(text -> !text.isEmpty())
                .map(text -> ConfigFile.read(base.resolve(text).toAbsolutePath().normalize()))
                .orElseGet(() -> new EnumMap<>(Setting.class));
        Map<Setting, SettingValue> fromEnvironment = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String text = environment.get(setting.env());
            if (text != null && !text.isEmpty()) {
                fromEnvironment.put(setting, new SettingValue(setting, text, Optional.empty()));
            }
        }
        requireOneKeySource(fromFile);
        requireOneKeySource(fromEnvironment);
        if (fromEnvironment.containsKey(Setting.ENCRYPTION_KEY)
                || fromEnvironment.containsKey(Setting.ENCRYPTION_KEY_FILE)) {
            fromFile.remove(Setting.ENCRYPTION_KEY);
            fromFile.remove(Setting.ENCRYPTION_KEY_FILE);
        }
        Map<Setting, SettingValue> merged = new EnumMap<>(fromFile);
        merged.putAll(fromEnvironment);
        return new Settings(merged);
    }

    private static void requireOneKeySource(Map<Setting, SettingValue> layer) {
        if (layer.containsKey(Setting.ENCRYPTION_KEY) && layer.containsKey(Setting.ENCRYPTION_KEY_FILE)) {
            SettingValue key = layer.get(Setting.ENCRYPTION_KEY);
            throw key.invalid("set either " + key.setting().env() + " or " + Setting.ENCRYPTION_KEY_FILE.env()
                    + " (encryptionKey or encryptionKeyFile in the file), not both");
        }
    }

    /** The value of {@code setting}, empty when unset. */
    Optional<SettingValue> get(Setting setting) {
        return Optional.ofNullable(values.get(setting));
    }

    /** The text of {@code setting}, empty when unset. */
    Optional<String> text(Setting setting) {
        return get(setting).map(SettingValue::text);
    }

    /** Where {@code setting} came from, for messages; its environment variable when unset. */
    String where(Setting setting) {
        return get(setting).map(SettingValue::where).orElse(setting.env());
    }

    /** {@code setting} as an integer in {@code [min, max]}, or {@code fallback} when unset. */
    int integer(Setting setting, int fallback, int min, int max) {
        Optional<SettingValue> value = get(setting);
        if (value.isEmpty()) {
            return fallback;
        }
        String text = value.get().text().strip();
        try {
            int parsed = Integer.parseInt(text);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // same message as out of range
        }
        throw value.get().invalid("must be an integer between " + min + " and " + max + ", got '" + text + "'");
    }
}
