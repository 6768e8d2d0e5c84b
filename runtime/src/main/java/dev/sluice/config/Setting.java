package dev.sluice.config;

import java.util.Arrays;
import java.util.Optional;

/** Every setting: its environment variable, its key path in the JSON file, and the JSON type it takes there. */
enum Setting {
    PORT("SLUICE_PORT", "port", Kind.INTEGER),
    DATA("SLUICE_DATA", "data", Kind.TEXT),
    DB_URL("SLUICE_DB_URL", "db.url", Kind.TEXT),
    DB_USER("SLUICE_DB_USER", "db.user", Kind.TEXT),
    DB_PASSWORD("SLUICE_DB_PASSWORD", "db.password", Kind.SECRET),
    ISSUER("SLUICE_ISSUER", "issuer", Kind.TEXT),
    ADMIN_CLIENT_ID("SLUICE_ADMIN_CLIENT_ID", "adminClient.id", Kind.TEXT),
    ADMIN_CLIENT_SECRET("SLUICE_ADMIN_CLIENT_SECRET", "adminClient.secret", Kind.SECRET),
    BCRYPT_COST("SLUICE_BCRYPT_COST", "bcryptCost", Kind.INTEGER),
    MAX_BODY_BYTES("SLUICE_MAX_BODY_BYTES", "maxBodyBytes", Kind.INTEGER),
    ENCRYPTION_KEY("SLUICE_ENCRYPTION_KEY", "encryptionKey", Kind.SECRET),
    ENCRYPTION_KEY_FILE("SLUICE_ENCRYPTION_KEY_FILE", "encryptionKeyFile", Kind.TEXT);

    /** The environment variable naming the optional JSON file; it has no key in the file itself. */
    static final String CONFIG_FILE = "SLUICE_CONFIG";

    /** How a value is written in the JSON file. A secret is text whose value no message may repeat. */
    enum Kind { TEXT, SECRET, INTEGER }

    private final String env;
    private final String jsonPath;
    private final Kind kind;

    Setting(String env, String jsonPath, Kind kind) {
        this.env = env;
        this.jsonPath = jsonPath;
        this.kind = kind;
    }

    String env() {
        return env;
    }

    String jsonPath() {
        return jsonPath;
    }

    Kind kind() {
        return kind;
    }

    /** The setting whose JSON key path is {@code path}, if any. */
    static Optional<Setting> byJsonPath(String path) {
        return Arrays.stream(values()).filter(s -> s.jsonPath.equals(path)).findFirst();
    }
}
