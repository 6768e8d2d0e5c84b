package dev.sluice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedSecretsTest {

    private static final String KEY_HEX_0_TO_31 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";

    @TempDir
    Path base;

    private final Logger configLogger = Logger.getLogger("dev.sluice.config");
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        configLogger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        configLogger.removeHandler(capture);
    }

    @Test
    void the_generated_admin_client_and_key_are_owner_only_files() throws IOException {
        SluiceConfig config = ConfigLoader.load(Map.of(), base);

        Path clientFile = config.adminClient().file().orElseThrow();
        Path keyFile = config.encryptionKey().file().orElseThrow();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(clientFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.data().directory())))
                .as("a data directory Sluice creates is its own").isEqualTo("rwx------");
        try (var stray = Files.list(config.data().directory())) {
            assertThat(stray.map(p -> p.getFileName().toString())).as("no temporary files left behind")
                    .containsExactlyInAnyOrder("admin-client.json", "encryption.key");
        }
    }

    @Test
    void the_generated_admin_client_has_a_random_secret_of_at_least_32_bytes() throws IOException {
        AdminClientConfig client = ConfigLoader.load(Map.of(), base).adminClient();

        assertThat(client.id()).matches("[A-Za-z0-9]{32}");
        assertThat(Base64.getUrlDecoder().decode(client.secret())).hasSizeGreaterThanOrEqualTo(32);
        JsonNode file = new ObjectMapper().readTree(client.file().orElseThrow().toFile());
        assertThat(file.get("client_id").textValue()).isEqualTo(client.id());
        assertThat(file.get("client_secret").textValue()).isEqualTo(client.secret());
    }

    @Test
    void the_generated_key_file_holds_the_base64_of_32_random_bytes() throws IOException {
        EncryptionKey key = ConfigLoader.load(Map.of(), base).encryptionKey();

        String content = Files.readString(key.file().orElseThrow()).strip();
        assertThat(Base64.getDecoder().decode(content)).isEqualTo(key.bytes()).hasSize(32);
        assertThat(key.bytes()).isNotEqualTo(new byte[32]);
    }

    @Test
    void a_second_start_reuses_the_generated_client_and_key() {
        SluiceConfig first = ConfigLoader.load(Map.of(), base);
        SluiceConfig second = ConfigLoader.load(Map.of(), base);

        assertThat(second.adminClient()).isEqualTo(first.adminClient());
        assertThat(second.adminClient().secret()).isEqualTo(first.adminClient().secret());
        assertThat(second.encryptionKey()).isEqualTo(first.encryptionKey());
        assertThat(second.encryptionKey().bytes()).isEqualTo(first.encryptionKey().bytes());
    }

    @Test
    void starts_racing_on_one_data_directory_all_get_the_same_client_and_key() throws Exception {
        List<Future<SluiceConfig>> starts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                starts.add(pool.submit(() -> ConfigLoader.load(Map.of(), base)));
            }
        }
        SluiceConfig first = starts.getFirst().get();
        for (Future<SluiceConfig> start : starts) {
            assertThat(start.get().adminClient()).isEqualTo(first.adminClient());
            assertThat(start.get().encryptionKey()).isEqualTo(first.encryptionKey());
        }
    }

    @Test
    void generated_secrets_never_appear_in_any_record_toString() {
        SluiceConfig config = ConfigLoader.load(Map.of(), base);
        String secret = config.adminClient().secret();
        String key = Base64.getEncoder().encodeToString(config.encryptionKey().bytes());

        for (Object record : List.of(config, config.server(), config.data(), config.database(), config.issuer(),
                config.adminClient(), config.passwords(), config.encryptionKey())) {
            assertThat(record.toString()).doesNotContain(secret, key, key.substring(0, 16));
        }
        assertThat(config.adminClient().toString()).contains(config.adminClient().id(), "secret=***");
    }

    @Test
    void the_log_says_where_the_generated_client_is_and_never_its_secret() {
        SluiceConfig config = ConfigLoader.load(Map.of(), base);
        ConfigLoader.load(Map.of(), base);

        String clientFile = config.adminClient().file().orElseThrow().toString();
        assertThat(logged).anySatisfy(line -> assertThat(line).startsWith("Generated bootstrap admin client")
                .contains(config.adminClient().id(), clientFile));
        assertThat(logged).anySatisfy(line -> assertThat(line).startsWith("Bootstrap admin client")
                .contains(clientFile));
        assertThat(logged).anySatisfy(line -> assertThat(line).startsWith("Generated the at-rest encryption key")
                .contains(config.encryptionKey().file().orElseThrow().toString()));
        String key = Base64.getEncoder().encodeToString(config.encryptionKey().bytes());
        assertThat(logged).isNotEmpty().noneSatisfy(line -> assertThat(line)
                .containsAnyOf(config.adminClient().secret(), key));
    }

    @Test
    void a_generated_file_others_can_read_is_refused() throws IOException {
        Path clientFile = ConfigLoader.load(Map.of(), base).adminClient().file().orElseThrow();
        Files.setPosixFilePermissions(clientFile, PosixFilePermissions.fromString("rw-r--r--"));

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(Map.of(), base));

        assertThat(error.setting()).isEqualTo(clientFile.toString());
        assertThat(error).hasMessage(clientFile + ": must be readable only by its owner, but its permissions are"
                + " rw-r--r-- (run: chmod 600 " + clientFile + ")");
    }

    @Test
    void a_damaged_admin_client_file_is_named_and_not_replaced() throws IOException {
        Path clientFile = ConfigLoader.load(Map.of(), base).adminClient().file().orElseThrow();
        Files.writeString(clientFile, "{\"client_id\": \"x\"}");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(Map.of(), base));

        assertThat(error).hasMessageStartingWith(clientFile + ": must hold {\"client_id\"");
        assertThat(clientFile).hasContent("{\"client_id\": \"x\"}");
    }

    @Test
    void a_configured_admin_client_writes_no_file() {
        AdminClientConfig client = ConfigLoader.load(Map.of("SLUICE_ADMIN_CLIENT_ID", "ops",
                "SLUICE_ADMIN_CLIENT_SECRET", "ops-secret-ops-secret"), base).adminClient();

        assertThat(client.file()).isEmpty();
        assertThat(base.resolve("data/admin-client.json")).doesNotExist();
    }

    @Test
    void a_key_may_be_given_in_base64url_without_padding() {
        EncryptionKey key = ConfigLoader.load(Map.of("SLUICE_ENCRYPTION_KEY", "_-8" + KEY_HEX_0_TO_31.substring(3)),
                base).encryptionKey();

        assertThat(key.bytes()[0]).isEqualTo((byte) 0xff);
        assertThat(key.bytes()[31]).isEqualTo((byte) 31);
    }

    @Test
    void a_configured_key_file_is_read_and_never_generated() throws IOException {
        Path keyFile = base.resolve("secrets/key");
        Files.createDirectories(keyFile.getParent());
        ConfigException missing = catchThrowableOfType(ConfigException.class, () ->
                ConfigLoader.load(Map.of("SLUICE_ENCRYPTION_KEY_FILE", "secrets/key"), base));
        assertThat(missing).hasMessage("SLUICE_ENCRYPTION_KEY_FILE: no such file: " + keyFile);
        assertThat(keyFile).doesNotExist();

        Files.writeString(keyFile, KEY_HEX_0_TO_31 + "=\n");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        EncryptionKey key = ConfigLoader.load(Map.of("SLUICE_ENCRYPTION_KEY_FILE", "secrets/key"), base)
                .encryptionKey();

        assertThat(key.file()).contains(keyFile);
        assertThat(key.bytes()[31]).isEqualTo((byte) 31);
    }

    @Test
    void a_key_in_the_environment_replaces_the_files_key_file_and_both_at_once_is_an_error() throws IOException {
        Files.writeString(base.resolve("sluice.json"), "{\"encryptionKeyFile\": \"missing.key\"}");

        EncryptionKey key = ConfigLoader.load(Map.of("SLUICE_CONFIG", "sluice.json",
                "SLUICE_ENCRYPTION_KEY", KEY_HEX_0_TO_31), base).encryptionKey();
        ConfigException both = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(Map.of(
                "SLUICE_ENCRYPTION_KEY", KEY_HEX_0_TO_31, "SLUICE_ENCRYPTION_KEY_FILE", "k"), base));

        assertThat(key.file()).isEmpty();
        assertThat(both).hasMessageStartingWith("SLUICE_ENCRYPTION_KEY: set either SLUICE_ENCRYPTION_KEY or"
                + " SLUICE_ENCRYPTION_KEY_FILE");
    }
}
