package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.Sandboxes;
import dev.sluice.sandbox.ScriptError;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code scripts-templates/sqlserver/} and {@code aspnet-membership/} scripts run unmodified in the sandbox over
 * {@link FakeSqlServer}: the SQL and parameters they send, and what they answer for canned rows. No SQL Server.
 */
class TediousTemplatesTest {

    private static final Map<String, String> CONFIG = Map.of("SQLSERVER_HOST", "127.0.0.1",
            "SQLSERVER_USER", "app", "SQLSERVER_PASSWORD", "pw", "SQLSERVER_DATABASE", "legacy",
            "BCRYPT_ROUNDS", "4");
    /** Computed with Node 20's crypto: HMAC-SHA256, key = salt repeated to 64 bytes, over UTF-16LE. */
    private static final String SALT = "MDEyMzQ1Njc4OWFiY2RlZg==";
    private static final String HASH_OF_PASSWORD = "udXwFzwmMqbtpTIuF4EJohIA3yNuwW/n6PSGJ76dTQw=";

    private FakeSqlServer server;
    private GraalScriptRunner runner;

    @BeforeEach
    void start() {
        server = new FakeSqlServer();
        runner = TediousModuleTest.runnerOver(server);
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    @Test
    void sqlserver_login_accepts_the_right_password_and_closes_its_connection() {
        String hash = new String(BCrypt.withDefaults().hash(4, "secret".toCharArray()), StandardCharsets.UTF_8);
        server.answering(sent -> FakeSqlServer.rows(List.of("Id:int", "Nickname:nvarchar", "Email:nvarchar",
                "Password:varchar", "Email_Verified:bit"), List.of(Arrays.asList(3, "ann", "ann@example.com", hash,
                true))));

        JsonNode profile = success(run("sqlserver", ScriptKey.LOGIN, "ann@example.com", "secret"));

        assertThat(profile.toString()).isEqualTo("{\"user_id\":\"3\",\"nickname\":\"ann\","
                + "\"email\":\"ann@example.com\",\"email_verified\":true}");
        FakeSqlServer.Sent sent = server.sent.getFirst();
        assertThat(sent.sql()).isEqualTo(
                "SELECT Id, Nickname, Email, Password, Email_Verified FROM dbo.Users WHERE Email = @Email");
        assertThat(sent.declaration("Email")).isEqualTo("nvarchar(15)");
        assertThat(server.opened).singleElement().satisfies(config -> {
            assertThat(config.database()).isEqualTo("legacy");
            assertThat(config.encrypt()).isTrue();
            assertThat(config.port()).isEqualTo(1433);
        });
    }

    @Test
    void sqlserver_login_with_a_wrong_password_is_a_wrong_username_or_password_error() {
        String hash = new String(BCrypt.withDefaults().hash(4, "secret".toCharArray()), StandardCharsets.UTF_8);
        server.answering(sent -> FakeSqlServer.rows(List.of("Id:int", "Nickname:nvarchar", "Email:nvarchar",
                "Password:varchar", "Email_Verified:bit"), List.of(Arrays.asList(3, "ann", "ann@example.com", hash,
                false))));

        ScriptError error = failure(run("sqlserver", ScriptKey.LOGIN, "ann@example.com", "nope"));

        assertThat(error.name()).isEqualTo("WrongUsernameOrPasswordError");
        assertThat(error.userId()).contains("ann@example.com");
    }

    @Test
    void sqlserver_login_of_an_unknown_email_is_a_wrong_username_or_password_error() {
        server.answering(sent -> FakeSqlServer.rows(List.of("Id:int"), List.of()));

        assertThat(failure(run("sqlserver", ScriptKey.LOGIN, "who@example.com", "x")).name())
                .isEqualTo("WrongUsernameOrPasswordError");
    }

    @Test
    void sqlserver_get_user_answers_the_profile_or_nothing() {
        server.answering(sent -> "ann@example.com".equals(sent.value("Email"))
                ? FakeSqlServer.rows(List.of("Id:int", "Nickname:nvarchar", "Email:nvarchar", "Email_Verified:bit"),
                        List.of(Arrays.asList(3, "ann", "ann@example.com", false)))
                : FakeSqlServer.rows(List.of("Id:int"), List.of()));

        assertThat(success(run("sqlserver", ScriptKey.GET_USER, "ann@example.com")).path("user_id").asText())
                .isEqualTo("3");
        assertThat(success(run("sqlserver", ScriptKey.GET_USER, "who@example.com")).isNull()).isTrue();
    }

    @Test
    void sqlserver_create_inserts_a_bcrypt_hash_and_maps_a_duplicate_to_user_exists() {
        ScriptResult created = run("sqlserver", ScriptKey.CREATE,
                Map.of("email", "new@example.com", "password", "secret"));

        assertThat(created.outcome()).isInstanceOf(ScriptOutcome.Success.class);
        FakeSqlServer.Sent insert = server.sent.getFirst();
        assertThat(insert.sql()).startsWith("INSERT INTO dbo.Users (Nickname, Email, Password, Email_Verified)");
        assertThat(insert.value("Nickname")).isEqualTo("new");
        assertThat(insert.value("Email")).isEqualTo("new@example.com");
        assertThat(BCrypt.verifyer().verify("secret".toCharArray(), insert.value("Password").toString()).verified)
                .isTrue();

        server.answering(sent -> {
            throw FakeSqlServer.serverError(2627, "Violation of UNIQUE KEY constraint 'UQ_Users_Email'.");
        });
        ScriptError duplicate = failure(run("sqlserver", ScriptKey.CREATE,
                Map.of("email", "new@example.com", "password", "secret")));
        assertThat(duplicate.name()).isEqualTo("ValidationError");
        assertThat(duplicate.code()).contains("user_exists");
    }

    @Test
    void a_template_without_its_configuration_says_what_is_missing() {
        ScriptResult result = Sandboxes.run(runner, Sandboxes.set(ScriptKey.LOGIN, template("sqlserver", "login"),
                Map.of(), TediousModuleTest.LOOPBACK), ScriptKey.LOGIN, "a@b.c", "x");

        assertThat(failure(result).message()).isEqualTo("configuration is missing SQLSERVER_HOST, SQLSERVER_USER, "
                + "SQLSERVER_PASSWORD, SQLSERVER_DATABASE");
    }

    @Test
    void the_membership_hash_vector_is_hmac_sha256_keyed_by_the_repeated_salt_over_utf16le() throws Exception {
        byte[] salt = Base64.getDecoder().decode(SALT);
        byte[] key = new byte[64];
        for (int i = 0; i < key.length; i++) {
            key[i] = salt[i % salt.length];
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));

        byte[] digest = mac.doFinal("P@ssw0rd!".getBytes(StandardCharsets.UTF_16LE));

        assertThat(Base64.getEncoder().encodeToString(digest)).isEqualTo(HASH_OF_PASSWORD);
    }

    @Test
    void aspnet_membership_login_accepts_the_right_password_by_email_or_user_name() {
        server.answering(sent -> membershipRow(SALT, HASH_OF_PASSWORD, true, false));

        JsonNode profile = success(run("aspnet-membership", ScriptKey.LOGIN, "ann@example.com", "P@ssw0rd!"));

        assertThat(profile.toString()).isEqualTo("{\"user_id\":\"6F9619FF-8B86-D011-B42D-00C04FC964FF\","
                + "\"nickname\":\"ann\",\"email\":\"ann@example.com\"}");
        assertThat(server.sent.getFirst().sql()).contains("WHERE Memberships.Email = @Username OR Users.UserName = "
                + "@Username");
    }

    @Test
    void aspnet_membership_login_with_a_salt_not_of_16_bytes_repeats_it_to_64() {
        // Node 20: the 24-byte salt 01..18 repeated to 64 bytes, over UTF-16LE "Zoë".
        server.answering(sent -> membershipRow("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcY",
                "jFxwXQ1V9xfgejUBZcNDSZBzWMdeo5dBdIj8bS7ihkI=", true, false));

        assertThat(success(run("aspnet-membership", ScriptKey.LOGIN, "ann", "Zoë")).path("nickname").asText())
                .isEqualTo("ann");
    }

    @Test
    void aspnet_membership_login_refuses_a_wrong_password_and_a_locked_member() {
        server.answering(sent -> membershipRow(SALT, HASH_OF_PASSWORD, true, false));
        assertThat(failure(run("aspnet-membership", ScriptKey.LOGIN, "ann@example.com", "wrong")).name())
                .isEqualTo("WrongUsernameOrPasswordError");

        server.answering(sent -> membershipRow(SALT, HASH_OF_PASSWORD, true, true));
        assertThat(failure(run("aspnet-membership", ScriptKey.LOGIN, "ann@example.com", "P@ssw0rd!")).name())
                .isEqualTo("UnauthorizedError");
    }

    @Test
    void aspnet_membership_get_user_reads_the_row_by_column_name() {
        server.answering(sent -> FakeSqlServer.rows(List.of("UserId:uniqueidentifier", "Email:nvarchar",
                "UserName:nvarchar"), List.of(Arrays.asList("6F9619FF-8B86-D011-B42D-00C04FC964FF",
                "ann@example.com", "ann"))));

        JsonNode profile = success(run("aspnet-membership", ScriptKey.GET_USER, "ann"));

        assertThat(profile.path("nickname").asText()).isEqualTo("ann");
        assertThat(profile.path("user_id").asText()).isEqualTo("6F9619FF-8B86-D011-B42D-00C04FC964FF");
    }

    private static TdsResult membershipRow(String salt, String hash, boolean approved, boolean locked) {
        return FakeSqlServer.rows(List.of("UserId:uniqueidentifier", "Email:nvarchar", "UserName:nvarchar",
                "Password:nvarchar", "PasswordSalt:nvarchar", "PasswordFormat:int", "IsApproved:bit",
                "IsLockedOut:bit"), List.of(Arrays.asList("6F9619FF-8B86-D011-B42D-00C04FC964FF", "ann@example.com",
                "ann", hash, salt, 1, approved, locked)));
    }

    private ScriptResult run(String family, ScriptKey key, Object... args) {
        return Sandboxes.run(runner, Sandboxes.set(key, template(family, key.key()), CONFIG,
                TediousModuleTest.LOOPBACK), key, args);
    }

    static String template(String family, String key) {
        try (InputStream in = TediousTemplatesTest.class.getResourceAsStream(
                "/scripts-templates/" + family + "/" + key + ".js")) {
            if (in == null) {
                throw new IllegalStateException("no template " + family + "/" + key);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode success(ScriptResult result) {
        assertThat(result.outcome()).as("outcome (console %s)", result.console())
                .isInstanceOf(ScriptOutcome.Success.class);
        return ((ScriptOutcome.Success) result.outcome()).value();
    }

    private static ScriptError failure(ScriptResult result) {
        assertThat(result.outcome()).as("outcome (console %s)", result.console())
                .isInstanceOf(ScriptOutcome.Failure.class);
        return ((ScriptOutcome.Failure) result.outcome()).error();
    }
}
