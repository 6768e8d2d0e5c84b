package dev.sluice.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.RuntimeSettings;
import dev.sluice.sandbox.ScriptError;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptResult;
import dev.sluice.sandbox.ScriptSet;
import dev.sluice.sandbox.modules.Modules;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The other six scripts of {@code scripts-templates/mysql/} (get_user, create, verify, change_password, delete,
 * change_email) run through the sandbox as one connection's script set against a real legacy table. Every test
 * works on its own users, so the order of the tests does not matter.
 */
class MysqlTemplateScriptsTest {

    private static final LegacyMysql DB = LegacyMysql.fromEnvironment();

    private static GraalScriptRunner runner;
    private static ScriptSet connection;

    @BeforeAll
    static void start() {
        DB.recreateUsersTable();
        runner = new GraalScriptRunner(RuntimeSettings.defaults(), Modules.builtIn());
        connection = MysqlTemplates.scriptSet("mysql-templates", DB.configuration());
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void get_user_answers_the_profile_of_that_email() {
        String id = DB.insertUser("bob", "bob@example.com", "pw-bob");

        JsonNode profile = success(run(ScriptKey.GET_USER, "bob@example.com"));

        assertThat(profile.path("user_id").asText()).isEqualTo(id);
        assertThat(profile.path("nickname").asText()).isEqualTo("bob");
        assertThat(profile.path("email").asText()).isEqualTo("bob@example.com");
        assertThat(profile.path("email_verified").asBoolean(true)).isFalse();
        assertThat(profile.has("password")).isFalse();
    }

    @Test
    void get_user_of_an_unknown_email_answers_no_user() {
        JsonNode value = success(run(ScriptKey.GET_USER, "nobody@example.com"));

        assertThat(value.isNull()).isTrue();
    }

    @Test
    void create_stores_a_bcrypt_hash_that_login_then_accepts() {
        success(run(ScriptKey.CREATE, Map.of("email", "carl@example.com", "password", "pw-carl",
                "connection", "legacy", "tenant", "t")));

        Map<String, Object> row = DB.row("carl@example.com").orElseThrow();
        assertThat(row.get("password").toString()).startsWith("$2").isNotEqualTo("pw-carl");
        assertThat(DB.passwordMatches("carl@example.com", "pw-carl")).isTrue();
        assertThat(row.get("nickname")).isEqualTo("carl");
        JsonNode profile = success(run(ScriptKey.LOGIN, "carl@example.com", "pw-carl"));
        assertThat(profile.path("user_id").asText()).isEqualTo(row.get("id").toString());
    }

    @Test
    void create_of_a_taken_email_is_a_user_exists_validation_error() {
        DB.insertUser("dan", "dan@example.com", "pw-dan");

        ScriptError error = failure(run(ScriptKey.CREATE, Map.of("email", "dan@example.com", "password", "other")));

        assertThat(error.name()).isEqualTo("ValidationError");
        assertThat(error.code()).contains("user_exists");
        assertThat(DB.passwordMatches("dan@example.com", "pw-dan")).isTrue();
    }

    @Test
    void verify_marks_the_email_verified_and_answers_true_also_the_second_time() {
        DB.insertUser("dora", "dora@example.com", "pw-dora");

        assertThat(success(run(ScriptKey.VERIFY, "dora@example.com")).asBoolean()).isTrue();
        assertThat(success(run(ScriptKey.VERIFY, "dora@example.com")).asBoolean()).isTrue();

        assertThat(DB.row("dora@example.com").orElseThrow().get("email_verified")).isEqualTo(true);
        assertThat(success(run(ScriptKey.GET_USER, "dora@example.com")).path("email_verified").asBoolean()).isTrue();
    }

    @Test
    void verify_of_an_unknown_email_answers_false() {
        JsonNode value = success(run(ScriptKey.VERIFY, "nobody@example.com"));

        assertThat(value.isBoolean()).isTrue();
        assertThat(value.asBoolean()).isFalse();
    }

    @Test
    void change_password_answers_true_and_login_then_takes_only_the_new_password() {
        DB.insertUser("erin", "erin@example.com", "old-pw");

        assertThat(success(run(ScriptKey.CHANGE_PASSWORD, "erin@example.com", "new-pw")).asBoolean()).isTrue();

        assertThat(success(run(ScriptKey.LOGIN, "erin@example.com", "new-pw")).path("email").asText())
                .isEqualTo("erin@example.com");
        ScriptError old = failure(run(ScriptKey.LOGIN, "erin@example.com", "old-pw"));
        assertThat(old.name()).isEqualTo("WrongUsernameOrPasswordError");
        assertThat(old.userId()).contains("erin@example.com");
    }

    @Test
    void change_password_of_an_unknown_email_answers_false() {
        JsonNode value = success(run(ScriptKey.CHANGE_PASSWORD, "nobody@example.com", "new-pw"));

        assertThat(value.isBoolean()).isTrue();
        assertThat(value.asBoolean()).isFalse();
    }

    @Test
    void change_email_moves_the_user_to_the_new_email_with_the_verified_flag() {
        String id = DB.insertUser("finn", "finn@example.com", "pw-finn");

        assertThat(success(run(ScriptKey.CHANGE_EMAIL, "finn@example.com", "finn@new.example.com", true))
                .asBoolean()).isTrue();

        assertThat(success(run(ScriptKey.GET_USER, "finn@example.com")).isNull()).isTrue();
        JsonNode moved = success(run(ScriptKey.GET_USER, "finn@new.example.com"));
        assertThat(moved.path("user_id").asText()).isEqualTo(id);
        assertThat(moved.path("email_verified").asBoolean()).isTrue();
        assertThat(success(run(ScriptKey.LOGIN, "finn@new.example.com", "pw-finn")).path("user_id").asText())
                .isEqualTo(id);
    }

    @Test
    void change_email_of_an_unknown_email_answers_false() {
        JsonNode value = success(run(ScriptKey.CHANGE_EMAIL, "nobody@example.com", "nobody2@example.com", false));

        assertThat(value.asBoolean(true)).isFalse();
        assertThat(DB.row("nobody2@example.com")).isEmpty();
    }

    @Test
    void change_email_to_an_email_another_user_has_fails_and_changes_nothing() {
        DB.insertUser("gail", "gail@example.com", "pw-gail");
        DB.insertUser("gus", "gus@example.com", "pw-gus");

        ScriptError error = failure(run(ScriptKey.CHANGE_EMAIL, "gail@example.com", "gus@example.com", false));

        assertThat(error.code()).contains("ER_DUP_ENTRY");
        assertThat(DB.row("gail@example.com")).isPresent();
        assertThat(DB.row("gus@example.com").orElseThrow().get("nickname")).isEqualTo("gus");
    }

    @Test
    void delete_removes_the_user_by_the_id_login_returned_and_is_idempotent() {
        DB.insertUser("hal", "hal@example.com", "pw-hal");
        String id = success(run(ScriptKey.LOGIN, "hal@example.com", "pw-hal")).path("user_id").asText();

        success(run(ScriptKey.DELETE, id));

        assertThat(DB.row("hal@example.com")).isEmpty();
        assertThat(failure(run(ScriptKey.LOGIN, "hal@example.com", "pw-hal")).name())
                .isEqualTo("WrongUsernameOrPasswordError");
        assertThat(run(ScriptKey.DELETE, id).outcome()).isInstanceOf(ScriptOutcome.Success.class);
    }

    @Test
    void delete_leaves_the_other_users_alone() {
        DB.insertUser("ida", "ida@example.com", "pw-ida");
        String other = DB.insertUser("ivo", "ivo@example.com", "pw-ivo");

        success(run(ScriptKey.DELETE, other));

        assertThat(DB.row("ida@example.com")).isPresent();
        assertThat(DB.row("ivo@example.com")).isEmpty();
    }

    private static ScriptResult run(ScriptKey key, Object... args) {
        return MysqlTemplates.run(runner, connection, key, args);
    }

    private static JsonNode success(ScriptResult result) {
        assertThat(result.outcome()).as("%s, console %s", result.outcome(), result.console())
                .isInstanceOf(ScriptOutcome.Success.class);
        return ((ScriptOutcome.Success) result.outcome()).value();
    }

    private static ScriptError failure(ScriptResult result) {
        assertThat(result.outcome()).as("%s, console %s", result.outcome(), result.console())
                .isInstanceOf(ScriptOutcome.Failure.class);
        return ((ScriptOutcome.Failure) result.outcome()).error();
    }
}
