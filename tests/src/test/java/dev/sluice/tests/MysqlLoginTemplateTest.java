package dev.sluice.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.RuntimeSettings;
import dev.sluice.sandbox.ScriptError;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptResult;
import dev.sluice.sandbox.ScriptSet;
import dev.sluice.sandbox.modules.Modules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts-templates/mysql/login.js} against a real legacy table in MariaDB, run through the sandbox runner
 * and through {@code bin/sluice try} as an operator would.
 */
class MysqlLoginTemplateTest {

    private static final LegacyMysql DB = LegacyMysql.fromEnvironment();
    private static final String EMAIL = "ann@example.com";
    private static final String PASSWORD = "correct horse battery";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path POLICY = SluiceCli.loopbackPolicyFile();

    @TempDir
    static Path tmp;

    private static GraalScriptRunner runner;
    private static ScriptSet connection;
    private static String annId;
    private static Path configFile;

    @BeforeAll
    static void start() throws IOException {
        DB.recreateUsersTable();
        annId = DB.insertUser("ann", EMAIL, PASSWORD);
        runner = new GraalScriptRunner(RuntimeSettings.defaults(), Modules.builtIn());
        connection = MysqlTemplates.scriptSet("mysql-login-template", DB.configuration());
        configFile = tmp.resolve("mysql.json");
        Files.writeString(configFile, JSON.writeValueAsString(DB.configuration()));
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void right_password_logs_in_with_the_profile_from_the_table() {
        ScriptResult result = login(EMAIL, PASSWORD);

        assertThat(result.outcome()).isInstanceOf(ScriptOutcome.Success.class);
        JsonNode profile = ((ScriptOutcome.Success) result.outcome()).value();
        assertThat(profile.path("user_id").asText()).isEqualTo(annId);
        assertThat(profile.path("email").asText()).isEqualTo(EMAIL);
        assertThat(profile.path("nickname").asText()).isEqualTo("ann");
        assertThat(profile.path("email_verified").isBoolean()).isTrue();
        assertThat(profile.path("email_verified").asBoolean()).isFalse();
        assertThat(profile.has("password")).isFalse();
    }

    @Test
    void wrong_password_is_a_wrong_username_or_password_error_for_that_email() {
        ScriptError error = failure(login(EMAIL, "correct horse"));

        assertThat(error.name()).isEqualTo("WrongUsernameOrPasswordError");
        assertThat(error.code()).contains("wrongusernameorpassword");
        assertThat(error.userId()).contains(EMAIL);
        assertThat(error.statusCode()).contains(400);
    }

    @Test
    void unknown_email_is_the_templates_own_wrong_username_or_password_error() {
        ScriptError error = failure(login("nobody@example.com", PASSWORD));

        assertThat(error.name()).isEqualTo("WrongUsernameOrPasswordError");
        assertThat(error.userId()).contains("nobody@example.com");
    }

    @Test
    void logins_in_a_row_reuse_the_connection_and_still_tell_right_from_wrong() {
        for (int i = 0; i < 3; i++) {
            assertThat(login(EMAIL, PASSWORD).outcome()).isInstanceOf(ScriptOutcome.Success.class);
            assertThat(failure(login(EMAIL, "nope")).name()).isEqualTo("WrongUsernameOrPasswordError");
        }
    }

    @Test
    void sluice_try_prints_the_profile_and_exits_0_for_the_right_password() {
        SluiceCli.Run run = tryLogin(EMAIL, PASSWORD);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode report = run.report();
        assertThat(report.path("outcome").asText()).isEqualTo("success");
        assertThat(report.path("value").path("user_id").asText()).isEqualTo(annId);
        assertThat(report.path("value").path("email").asText()).isEqualTo(EMAIL);
        assertThat(report.path("value").path("nickname").asText()).isEqualTo("ann");
        assertThat(report.path("error").isNull()).isTrue();
    }

    @Test
    void sluice_try_prints_the_error_and_exits_1_for_a_wrong_password() {
        SluiceCli.Run run = tryLogin(EMAIL, "wrong");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        JsonNode report = run.report();
        assertThat(report.path("outcome").asText()).isEqualTo("failure");
        assertThat(report.path("value").isNull()).isTrue();
        assertThat(report.path("error").path("name").asText()).isEqualTo("WrongUsernameOrPasswordError");
        assertThat(report.path("error").path("code").asText()).isEqualTo("wrongusernameorpassword");
        assertThat(report.path("error").path("user_id").asText()).isEqualTo(EMAIL);
        assertThat(report.path("error").path("statusCode").asInt()).isEqualTo(400);
    }

    @Test
    void sluice_try_prints_the_error_and_exits_1_for_an_unknown_user() {
        SluiceCli.Run run = tryLogin("nobody@example.com", PASSWORD);

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        JsonNode report = run.report();
        assertThat(report.path("outcome").asText()).isEqualTo("failure");
        assertThat(report.path("error").path("name").asText()).isEqualTo("WrongUsernameOrPasswordError");
        assertThat(report.path("error").path("user_id").asText()).isEqualTo("nobody@example.com");
    }

    @Test
    void sluice_try_with_an_unknown_key_is_a_usage_error_with_exit_2() {
        SluiceCli.Run run = SluiceCli.run("try", MysqlTemplates.file(ScriptKey.LOGIN).toString(), "--key", "signin",
                "--policy", POLICY.toString(), "--config", "@" + configFile, "--", EMAIL, PASSWORD);

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isEqualTo(2);
        assertThat(run.stderr()).contains("unknown --key 'signin'");
        assertThat(run.stdout()).doesNotContain("\"outcome\"");
    }

    private static ScriptResult login(String email, String password) {
        return MysqlTemplates.run(runner, connection, ScriptKey.LOGIN, email, password);
    }

    private static ScriptError failure(ScriptResult result) {
        assertThat(result.outcome()).as("%s, console %s", result.outcome(), result.console())
                .isInstanceOf(ScriptOutcome.Failure.class);
        return ((ScriptOutcome.Failure) result.outcome()).error();
    }

    /** Relative paths from the repository root, as the template README shows the command. */
    private static SluiceCli.Run tryLogin(String email, String password) {
        return SluiceCli.run("try", "scripts-templates/mysql/login.js", "--key", "login", "--policy",
                POLICY.toString(), "--config", "@" + configFile, "--", email, password);
    }

}
