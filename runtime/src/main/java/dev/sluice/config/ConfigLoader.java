package dev.sluice.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Loads {@link SluiceConfig} once at startup: the optional JSON file named by {@code SLUICE_CONFIG}, then the
 * environment over it, setting by setting; every value validated, with the setting at fault named in the
 * {@link ConfigException}. Every setting is described in {@code docs/configuration.md}.
 *
 * <p>Side effects, only once every setting is valid: the data directory is created when missing, and the bootstrap
 * admin client and the encryption key files are generated there on first start when not configured.
 */
public final class ConfigLoader {

    /** Default data directory, relative to the working directory. */
    public static final String DEFAULT_DATA = "./data";

    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
            PosixFilePermissions.fromString("rwx------");

    private final Settings settings;
    private final Path base;
    private final SecureRandom random;

    private ConfigLoader(Settings settings, Path base, SecureRandom random) {
        this.settings = settings;
        this.base = base;
        this.random = random;
    }

    /**
     * The configuration from {@code environment} (the CLI passes {@code System.getenv()}) and the file it names.
     * Blocking (file I/O). Relative paths in the environment resolve against {@code base} (the working directory),
     * relative paths in the file against the file's directory.
     *
     * @throws ConfigException naming the first setting that is invalid, or a generated file that is unusable
     */
    public static SluiceConfig load(Map<String, String> environment, Path base) {
        Path absoluteBase = base.toAbsolutePath().normalize();
        return new ConfigLoader(Settings.read(environment, absoluteBase), absoluteBase, new SecureRandom()).load();
    }

    private SluiceConfig load() {
        ServerConfig server = new ServerConfig(
                settings.integer(Setting.PORT, ServerConfig.DEFAULT_PORT, 1, 65535),
                settings.integer(Setting.MAX_BODY_BYTES, ServerConfig.DEFAULT_MAX_BODY_BYTES,
                        ServerConfig.MIN_BODY_BYTES, ServerConfig.MAX_BODY_BYTES));
        PasswordConfig passwords = new PasswordConfig(settings.integer(Setting.BCRYPT_COST,
                PasswordConfig.DEFAULT_BCRYPT_COST, PasswordConfig.MIN_BCRYPT_COST, PasswordConfig.MAX_BCRYPT_COST));
        IssuerConfig issuer = settings.get(Setting.ISSUER)
                .map(value -> parsed(value, () -> IssuerConfig.parse(value.text())))
                .orElseGet(() -> IssuerConfig.localhost(server.port()));
        Path dataDirectory = settings.get(Setting.DATA).map(value -> value.asPath(base))
                .orElseGet(() -> base.resolve(DEFAULT_DATA).normalize());
        DatabaseConfig database = database(dataDirectory);
        Optional<AdminClientConfig> configuredClient = BootstrapAdminClient.configured(settings);
        EncryptionKeySource keys = new EncryptionKeySource(settings, base);
        keys.configuredKey(); // validates a configured key before anything is written to disk

        DataConfig data = prepare(dataDirectory);
        AdminClientConfig adminClient = configuredClient
                .orElseGet(() -> BootstrapAdminClient.fromDataDirectory(data.directory(), random));
        return new SluiceConfig(server, data, database, issuer, adminClient, passwords,
                keys.load(data.directory(), random));
    }

    private DatabaseConfig database(Path dataDirectory) {
        Optional<String> user = settings.text(Setting.DB_USER);
        Optional<String> password = settings.text(Setting.DB_PASSWORD);
        Optional<SettingValue> url = settings.get(Setting.DB_URL);
        if (url.isPresent()) {
            return parsed(url.get(), () -> DatabaseConfig.parse(url.get().text().strip(), user, password));
        }
        if (dataDirectory.toString().indexOf(';') >= 0) {
            throw new ConfigException(settings.where(Setting.DATA), "must not contain ';' when the embedded"
                    + " database is used (H2 reads it as a URL separator), got '" + dataDirectory + "'");
        }
        DatabaseConfig embedded = DatabaseConfig.embedded(dataDirectory);
        return new DatabaseConfig(embedded.url(), embedded.kind(), user, password);
    }

    /** The data directory, created (owner-only) when missing and proven writable by writing a file into it. */
    private DataConfig prepare(Path directory) {
        String where = settings.where(Setting.DATA);
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new ConfigException(where, "is not a directory: " + directory);
        }
        try {
            Files.createDirectories(directory, ownerOnlyDirectory(directory));
        } catch (IOException e) {
            throw new ConfigException(where, "cannot create directory " + directory + ": " + e, e);
        }
        try {
            Files.delete(Files.createTempFile(directory, ".write-probe", ".tmp"));
        } catch (IOException e) {
            throw new ConfigException(where, "directory is not writable: " + directory + " (" + e + ")", e);
        }
        return new DataConfig(directory);
    }

    private static FileAttribute<?>[] ownerOnlyDirectory(Path directory) {
        if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY)};
    }

    /** Runs a record's parser, turning its {@link IllegalArgumentException} into an error naming {@code value}. */
    private static <T> T parsed(SettingValue value, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw value.invalid(e.getMessage());
        }
    }
}
