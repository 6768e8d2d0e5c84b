package dev.sluice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadSettingsTest {

    @TempDir
    Path base;

    @ParameterizedTest(name = "{0}=''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            SLUICE_PORT | abc | must be an integer between 1 and 65535, got 'abc'
            SLUICE_PORT | 0 | must be an integer between 1 and 65535, got '0'
            SLUICE_PORT | 65536 | must be an integer between 1 and 65535, got '65536'
            SLUICE_PORT | 99999999999 | must be an integer between 1 and 65535
            SLUICE_BCRYPT_COST | 3 | must be an integer between 4 and 16, got '3'
            SLUICE_BCRYPT_COST | 17 | must be an integer between 4 and 16, got '17'
            SLUICE_MAX_BODY_BYTES | 64k | must be an integer between 1024 and 67108864, got '64k'
            SLUICE_MAX_BODY_BYTES | 100 | must be an integer between 1024 and 67108864
            SLUICE_DB_URL | jdbc:oracle:thin:@x:1:y | must be a JDBC URL starting with one of jdbc:h2:, jdbc:postgres
            SLUICE_DB_URL | postgres://h/db | must be a JDBC URL starting with one of
            SLUICE_DB_URL | jdbc:h2: | must be a JDBC URL starting with one of
            SLUICE_ISSUER | ftp://id.example.com/ | must be an absolute http(s) URL, got 'ftp://id.example.com
            SLUICE_ISSUER | id.example.com | must be an absolute http(s) URL
            SLUICE_ISSUER | https:///path | must name a host
            SLUICE_ISSUER | https://x.com/?a=1 | must not contain user info, a query or a fragment
            SLUICE_ISSUER | https://u:p@x.com/ | must not contain user info, a query or a fragment
            SLUICE_ISSUER | http://bad host/ | must be an absolute http(s) URL
            SLUICE_ENCRYPTION_KEY | c2hvcnQ= | must be the base64 of 32 random bytes
            SLUICE_ENCRYPTION_KEY | not*base64! | must be the base64 of 32 random bytes
            """)
    void a_bad_environment_variable_is_named_in_the_error(String name, String value, String problem) {
        ConfigException error = load(Map.of(name, value));

        assertThat(error.setting()).isEqualTo(name);
        assertThat(error).hasMessageStartingWith(name + ": " + problem);
    }

    @Test
    void a_bad_setting_writes_nothing_to_the_data_directory() {
        load(Map.of("SLUICE_BCRYPT_COST", "99"));

        assertThat(base.resolve("data")).doesNotExist();
    }

    @Test
    void an_unsupported_database_url_never_shows_its_credentials() {
        ConfigException error = load(Map.of("SLUICE_DB_URL", "jdbc:oracle://scott:tiger-pw@h/db?password=pw2"));

        assertThat(error).hasMessageStartingWith("SLUICE_DB_URL: ").hasMessageNotContaining("tiger-pw")
                .hasMessageNotContaining("pw2").hasMessageContaining("scott:***@");
    }

    @Test
    void a_bad_key_says_what_is_wrong_with_it() {
        assertThat(load(Map.of("SLUICE_ENCRYPTION_KEY", "c2hvcnQ="))).hasMessageEndingWith("it decodes to 5 bytes");
        assertThat(load(Map.of("SLUICE_ENCRYPTION_KEY", "not*base64!"))).hasMessageEndingWith("not valid base64");
    }

    @Test
    void a_malformed_key_never_shows_in_the_error() {
        ConfigException error = load(Map.of("SLUICE_ENCRYPTION_KEY", "c2VjcmV0LWtleS10aGF0LWlzLXRvby1zaG9ydA"));

        assertThat(error).hasMessageNotContaining("c2VjcmV0LWtleS10aGF0LWlzLXRvby1zaG9ydA");
    }

    @Test
    void an_admin_client_id_without_a_secret_is_an_error_naming_the_missing_secret() {
        ConfigException error = load(Map.of("SLUICE_ADMIN_CLIENT_ID", "admin"));

        assertThat(error.setting()).isEqualTo("SLUICE_ADMIN_CLIENT_SECRET");
        assertThat(error).hasMessage("SLUICE_ADMIN_CLIENT_SECRET: must be set together with SLUICE_ADMIN_CLIENT_ID"
                + " (set both, or neither to have a client generated)");
        assertThat(base.resolve("data")).doesNotExist();
    }

    @Test
    void an_admin_client_secret_without_an_id_is_an_error_naming_the_missing_id() {
        ConfigException error = load(Map.of("SLUICE_ADMIN_CLIENT_SECRET", "a-secret-long-enough-1234"));

        assertThat(error.setting()).isEqualTo("SLUICE_ADMIN_CLIENT_ID");
        assertThat(error).hasMessageNotContaining("a-secret-long-enough-1234");
    }

    @Test
    void a_short_admin_client_secret_is_refused_without_repeating_it() {
        ConfigException error = load(Map.of("SLUICE_ADMIN_CLIENT_ID", "admin", "SLUICE_ADMIN_CLIENT_SECRET", "short1"));

        assertThat(error).hasMessageStartingWith("SLUICE_ADMIN_CLIENT_SECRET: must be 16 to 1024 printable ASCII")
                .hasMessageNotContaining("short1");
    }

    @Test
    void an_admin_client_id_with_spaces_is_refused() {
        ConfigException error = load(Map.of("SLUICE_ADMIN_CLIENT_ID", "my admin",
                "SLUICE_ADMIN_CLIENT_SECRET", "a-secret-long-enough-1234"));

        assertThat(error).hasMessageStartingWith("SLUICE_ADMIN_CLIENT_ID: must be 1 to 128 printable ASCII");
    }

    @Test
    void a_data_path_that_is_a_file_is_refused() throws IOException {
        Files.writeString(base.resolve("plain"), "x");

        ConfigException error = load(Map.of("SLUICE_DATA", "plain"));

        assertThat(error).hasMessageStartingWith("SLUICE_DATA: is not a directory: " + base.resolve("plain"));
    }

    @Test
    void a_data_path_below_a_file_cannot_be_created() throws IOException {
        Files.writeString(base.resolve("plain"), "x");

        assertThat(load(Map.of("SLUICE_DATA", "plain/data"))).hasMessageStartingWith("SLUICE_DATA: cannot create");
    }

    @Test
    void a_data_directory_that_cannot_be_written_is_refused() {
        // procfs refuses new files even to root, so this holds whoever runs the tests
        Path proc = Path.of("/proc/self");
        Assumptions.assumeTrue(Files.isDirectory(proc), "needs Linux /proc");

        assertThat(load(Map.of("SLUICE_DATA", proc.toString())))
                .hasMessageStartingWith("SLUICE_DATA: directory is not writable: /proc/self");
    }

    @Test
    void a_missing_config_file_is_named() {
        ConfigException error = load(Map.of("SLUICE_CONFIG", "nowhere.json"));

        assertThat(error).hasMessage("SLUICE_CONFIG: no such file: " + base.resolve("nowhere.json"));
    }

    @Test
    void a_config_file_that_is_not_json_is_named_with_the_line() throws IOException {
        Files.writeString(base.resolve("bad.json"), "{\n  \"port\": 80,\n  oops\n}");

        ConfigException error = load(Map.of("SLUICE_CONFIG", "bad.json"));

        assertThat(error).hasMessageStartingWith("SLUICE_CONFIG: " + base.resolve("bad.json")
                + " is not valid JSON (line 3,");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"prot": 8080}                         | prot          | unknown setting (known: port, data, db.url
            {"db": {"host": "x"}}                  | db.host       | unknown setting
            {"adminClient": {"name": "x"}}         | adminClient.name | unknown setting
            {"port": "8080"}                       | port          | must be an integer, got a string
            {"port": 80.5}                         | port          | must be an integer, got a number
            {"port": 0}                            | port          | must be an integer between 1 and 65535, got '0'
            {"bcryptCost": 40}                     | bcryptCost    | must be an integer between 4 and 16, got '40'
            {"db": "jdbc:h2:mem:x"}                | db            | must be a JSON object, got a string
            {"db": {"password": 1234}}             | db.password   | must be a string, got a number
            {"issuer": "mailto:x@y"}               | issuer        | must be an absolute http(s) URL
            {"db": {"url": "jdbc:sqlite:x.db"}}    | db.url        | must be a JDBC URL starting with one of
            {"data": ["a"]}                        | data          | must be a string, got an array
            {"adminClient": {"id": "x"}}   | SLUICE_ADMIN_CLIENT_SECRET | must be set together with adminClient.id
            """)
    void a_bad_key_in_the_file_is_named_by_its_path(String json, String path, String problem) throws IOException {
        Path file = Files.writeString(base.resolve("sluice.json"), json);

        ConfigException error = load(Map.of("SLUICE_CONFIG", file.toString()));

        String where = path.startsWith("SLUICE_") ? path : path + " (in " + file + ")";
        assertThat(error.setting()).isEqualTo(where);
        assertThat(error).hasMessageStartingWith(where + ": " + problem);
    }

    @Test
    void a_duplicate_key_in_the_file_is_an_error() throws IOException {
        Files.writeString(base.resolve("sluice.json"), "{\"port\": 1, \"port\": 2}");

        assertThat(load(Map.of("SLUICE_CONFIG", "sluice.json"))).hasMessageStartingWith("SLUICE_CONFIG: ")
                .hasMessageContaining("Duplicate field 'port'");
    }

    @Test
    void a_file_value_is_still_validated_when_the_environment_does_not_override_it() throws IOException {
        Files.writeString(base.resolve("sluice.json"), "{\"port\": 70000, \"bcryptCost\": 99}");
        Map<String, String> env = new HashMap<>(Map.of("SLUICE_CONFIG", "sluice.json", "SLUICE_PORT", "8080"));

        assertThat(load(env)).hasMessageStartingWith("bcryptCost (in " + base.resolve("sluice.json") + ")");
    }

    @Test
    void a_config_exception_is_unchecked_and_keeps_its_setting() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("SLUICE_PORT", "x"), base))
                .isInstanceOf(RuntimeException.class)
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.setting()).isEqualTo("SLUICE_PORT"));
    }

    private ConfigException load(Map<String, String> env) {
        return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(env, base));
    }
}
