package dev.sluice.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the optional JSON file named by {@code SLUICE_CONFIG}: the settings under readable keys
 * ({@code {"port": 8080, "db": {"url": "..."}}}). Unknown keys, wrong types and duplicate keys are errors naming
 * the key path; {@code null} and {@code ""} leave a setting unset.
 */
final class ConfigFile {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> SECTIONS = Arrays.stream(Setting.values())
            .map(Setting::jsonPath)
            .filter(path -> path.contains("."))
            .map(path -> path.substring(0, path.indexOf('.')))
            .collect(Collectors.toUnmodifiableSet());

    private final Path file;
    private final Map<Setting, SettingValue> values = new EnumMap<>(Setting.class);

    private ConfigFile(Path file) {
        this.file = file;
    }

    /** The settings in {@code file}; throws {@link ConfigException} when it is missing, unreadable or invalid. */
    static Map<Setting, SettingValue> read(Path file) {
        ConfigFile reader = new ConfigFile(file);
        reader.walk(reader.parse(), "");
        return reader.values;
    }

    private JsonNode parse() {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(Setting.CONFIG_FILE, "no such file: " + file);
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new ConfigException(Setting.CONFIG_FILE, file + " must hold a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ConfigException(Setting.CONFIG_FILE, file + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(Setting.CONFIG_FILE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void walk(JsonNode object, String prefix) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (prefix.isEmpty() && SECTIONS.contains(path)) {
                section(path, value);
            } else {
                Setting setting = Setting.byJsonPath(path).orElseThrow(() -> unknown(path));
                leaf(setting, value).ifPresent(text -> values.put(setting, new SettingValue(setting, text,
                        Optional.of(file))));
            }
        }
    }

    private void section(String path, JsonNode value) {
        if (value.isObject()) {
            walk(value, path);
        } else if (!value.isNull()) {
            throw new ConfigException(where(path), "must be a JSON object, got " + describe(value));
        }
    }

    private Optional<String> leaf(Setting setting, JsonNode value) {
        if (value.isNull()) {
            return Optional.empty();
        }
        if (setting.kind() == Setting.Kind.INTEGER) {
            if (!value.isIntegralNumber()) {
                throw new ConfigException(where(setting.jsonPath()), "must be an integer, got " + describe(value));
            }
            return Optional.of(value.asText());
        }
        if (!value.isTextual()) {
            throw new ConfigException(where(setting.jsonPath()), "must be a string, got " + describe(value));
        }
        return Optional.of(value.textValue()).filter(text -> !text.isEmpty());
    }

    private ConfigException unknown(String path) {
        String known = Arrays.stream(Setting.values()).map(Setting::jsonPath).collect(Collectors.joining(", "));
        return new ConfigException(where(path), "unknown setting (known: " + known + ")");
    }

    private String where(String path) {
        return path + " (in " + file + ")";
    }

    /** The JSON type of a value, never the value itself (it may be a secret). */
    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
