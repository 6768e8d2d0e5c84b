package dev.sluice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path base;

    @Test
    void an_empty_environment_gives_the_documented_defaults() {
        SluiceConfig config = ConfigLoader.load(Map.of(), base);

        Path data = base.resolve("data").toAbsolutePath();
        assertThat(config.server()).isEqualTo(new ServerConfig(8080, 1024 * 1024));
        assertThat(config.data().directory()).isEqualTo(data).isDirectory();
        assertThat(config.database().url()).isEqualTo("jdbc:h2:file:" + data.resolve("sluice"));
        assertThat(config.database().kind()).isEqualTo(DatabaseConfig.Kind.H2);
        assertThat(config.database().user()).isEmpty();
        assertThat(config.database().password()).isEmpty();
        assertThat(config.issuer().url()).isEqualTo("http://localhost:8080/");
        assertThat(config.passwords().bcryptCost()).isEqualTo(10);
        assertThat(config.adminClient().file()).contains(data.resolve("admin-client.json"));
        assertThat(config.encryptionKey().file()).contains(data.resolve("encryption.key"));
    }

    @Test
    void the_default_issuer_follows_the_port() {
        SluiceConfig config = ConfigLoader.load(Map.of("SLUICE_PORT", "9443"), base);

        assertThat(config.server().port()).isEqualTo(9443);
        assertThat(config.issuer().url()).isEqualTo("http://localhost:9443/");
    }

    @Test
    void every_setting_is_read_from_the_environment() {
        Map<String, String> env = new HashMap<>();
        env.put("SLUICE_PORT", "8181");
        env.put("SLUICE_DATA", "var/sluice");
        env.put("SLUICE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        env.put("SLUICE_DB_USER", "sluice");
        env.put("SLUICE_DB_PASSWORD", "db-pass-word");
        env.put("SLUICE_ISSUER", "https://id.example.com");
        env.put("SLUICE_ADMIN_CLIENT_ID", "admin");
        env.put("SLUICE_ADMIN_CLIENT_SECRET", "0123456789abcdef0123");
        env.put("SLUICE_BCRYPT_COST", "4");
        env.put("SLUICE_MAX_BODY_BYTES", "1048576");
        env.put("SLUICE_ENCRYPTION_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

        SluiceConfig config = ConfigLoader.load(env, base);

        assertThat(config.server()).isEqualTo(new ServerConfig(8181, 1048576));
        assertThat(config.data().directory()).isEqualTo(base.resolve("var/sluice").toAbsolutePath()).isDirectory();
        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(config.database().kind()).isEqualTo(DatabaseConfig.Kind.POSTGRESQL);
        assertThat(config.database().user()).contains("sluice");
        assertThat(config.database().password()).contains("db-pass-word");
        assertThat(config.issuer().url()).isEqualTo("https://id.example.com/");
        assertThat(config.adminClient().id()).isEqualTo("admin");
        assertThat(config.adminClient().secret()).isEqualTo("0123456789abcdef0123");
        assertThat(config.adminClient().file()).isEmpty();
        assertThat(config.passwords().bcryptCost()).isEqualTo(4);
        assertThat(config.encryptionKey().bytes()).hasSize(32).startsWith(0, 1, 2, 3).endsWith(31);
        assertThat(config.encryptionKey().file()).isEmpty();
        assertThat(config.data().directory().resolve("admin-client.json")).doesNotExist();
        assertThat(config.data().directory().resolve("encryption.key")).doesNotExist();
    }

    @Test
    void the_file_supplies_settings_under_readable_keys() throws IOException {
        Path file = write("conf/sluice.json", """
                {"port": 7070, "data": "state", "db": {"url": "jdbc:mariadb://db:3306/sluice", "user": "u",
                 "password": "p"}, "issuer": "https://login.example.org/tenant/", "bcryptCost": 5,
                 "maxBodyBytes": 2048, "adminClient": {"id": "file-admin", "secret": "file-secret-0123456789"}}
                """);

        SluiceConfig config = ConfigLoader.load(Map.of("SLUICE_CONFIG", "conf/sluice.json"), base);

        assertThat(config.server()).isEqualTo(new ServerConfig(7070, 2048));
        assertThat(config.data().directory()).as("relative to the file's directory")
                .isEqualTo(file.getParent().resolve("state"));
        assertThat(config.database().kind()).isEqualTo(DatabaseConfig.Kind.MARIADB);
        assertThat(config.database().user()).contains("u");
        assertThat(config.database().password()).contains("p");
        assertThat(config.issuer().url()).isEqualTo("https://login.example.org/tenant/");
        assertThat(config.passwords().bcryptCost()).isEqualTo(5);
        assertThat(config.adminClient().id()).isEqualTo("file-admin");
    }

    @Test
    void the_environment_wins_over_the_file_setting_by_setting() throws IOException {
        write("sluice.json", """
                {"port": 7070, "bcryptCost": 5, "db": {"user": "from-file", "password": "file-password"},
                 "adminClient": {"id": "file-admin"}}
                """);
        Map<String, String> env = Map.of("SLUICE_CONFIG", "sluice.json", "SLUICE_PORT", "7171",
                "SLUICE_DB_USER", "from-env", "SLUICE_ADMIN_CLIENT_SECRET", "env-secret-0123456789");

        SluiceConfig config = ConfigLoader.load(env, base);

        assertThat(config.server().port()).isEqualTo(7171);
        assertThat(config.issuer().url()).isEqualTo("http://localhost:7171/");
        assertThat(config.passwords().bcryptCost()).isEqualTo(5);
        assertThat(config.database().user()).contains("from-env");
        assertThat(config.database().password()).contains("file-password");
        assertThat(config.adminClient().id()).isEqualTo("file-admin");
        assertThat(config.adminClient().secret()).isEqualTo("env-secret-0123456789");
    }

    @Test
    void empty_environment_variables_count_as_unset() {
        SluiceConfig config = ConfigLoader.load(Map.of("SLUICE_PORT", "", "SLUICE_CONFIG", "", "SLUICE_ISSUER", ""),
                base);

        assertThat(config.server().port()).isEqualTo(8080);
        assertThat(config.issuer().url()).isEqualTo("http://localhost:8080/");
    }

    @Test
    void a_missing_data_directory_is_created_with_its_parents() {
        SluiceConfig config = ConfigLoader.load(Map.of("SLUICE_DATA", "a/b/c"), base);

        assertThat(config.data().directory()).isDirectory().isEqualTo(base.resolve("a/b/c").toAbsolutePath());
    }

    @Test
    void the_embedded_database_url_refuses_a_data_directory_with_a_semicolon() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("SLUICE_DATA", "odd;name"), base))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SLUICE_DATA: must not contain ';'");
        assertThat(ConfigLoader.load(Map.of("SLUICE_DATA", "odd;name", "SLUICE_DB_URL", "jdbc:h2:mem:x"), base)
                .database().url()).isEqualTo("jdbc:h2:mem:x");
    }

    @Test
    void no_record_toString_shows_a_password_secret_or_key() {
        Map<String, String> env = Map.of(
                "SLUICE_DB_URL", "jdbc:mysql://root:url-secret@127.0.0.1/test?password=query-secret&ssl=true",
                "SLUICE_DB_PASSWORD", "the-db-password",
                "SLUICE_ADMIN_CLIENT_ID", "admin",
                "SLUICE_ADMIN_CLIENT_SECRET", "the-admin-secret-0123",
                "SLUICE_ENCRYPTION_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

        String shown = ConfigLoader.load(env, base).toString();

        assertThat(shown).doesNotContain("url-secret", "query-secret", "the-db-password", "the-admin-secret-0123",
                "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", "[0, 1, 2");
        assertThat(shown).contains("jdbc:mysql://root:***@127.0.0.1/test?password=***&ssl=true", "admin");
    }

    private Path write(String relative, String content) throws IOException {
        Path file = base.resolve(relative).toAbsolutePath();
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
