package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.Sandboxes;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptPolicy;
import dev.sluice.sandbox.ScriptResult;
import dev.sluice.sandbox.ScriptSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seven scripts of {@code scripts-templates/postgres/} as one connection, against the test PostgreSQL. Their
 * {@code users} table lives in a schema of its own, reached through {@code PG_URL}'s {@code options}.
 */
class PgTemplatesTest {

    private static final String SCHEMA = "sluice_pg_templates";
    private static final PgTestDatabase DB = PgTestDatabase.fromEnvironment();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static GraalScriptRunner runner;
    private static ScriptSet connection;

    @BeforeAll
    static void start() throws IOException {
        DB.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA,
                "CREATE TABLE " + SCHEMA + ".users (id SERIAL PRIMARY KEY, nickname TEXT, email TEXT NOT NULL UNIQUE,"
                        + " password TEXT, email_verified BOOLEAN NOT NULL DEFAULT false)");
        Map<ScriptKey, String> scripts = new EnumMap<>(ScriptKey.class);
        for (ScriptKey key : ScriptKey.values()) {
            scripts.put(key, Files.readString(Path.of("../scripts-templates/postgres", key.key() + ".js")));
        }
        String url = DB.configuration().get("PG_URL") + "?options=-c%20search_path%3D" + SCHEMA;
        ScriptPolicy policy = ScriptPolicy.merge(JSON.createObjectNode().put("allowLoopback", true), "test");
        connection = new ScriptSet("pg-templates", scripts, Map.of("PG_URL", url, "BCRYPT_ROUNDS", "4"), policy);
        runner = Sandboxes.runner();
    }

    @AfterAll
    static void stop() {
        runner.close();
        DB.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Test
    void the_seven_scripts_serve_a_user_from_signup_to_deletion() {
        Map<String, Object> user = Map.of("email", "ann@example.com", "password", "secret", "connection", "pg");
        assertThat(run(ScriptKey.CREATE, user).outcome()).isInstanceOf(ScriptOutcome.Success.class);
        assertThat(failureCode(run(ScriptKey.CREATE, user))).isEqualTo("user_exists");

        JsonNode profile = value(run(ScriptKey.LOGIN, "ann@example.com", "secret"));
        assertThat(profile.path("nickname").asText()).isEqualTo("ann");
        assertThat(profile.path("email_verified").asBoolean()).isFalse();
        assertThat(failureCode(run(ScriptKey.LOGIN, "ann@example.com", "wrong"))).isEqualTo("wrongusernameorpassword");
        assertThat(failureCode(run(ScriptKey.LOGIN, "nobody@example.com", "x"))).isEqualTo("wrongusernameorpassword");

        assertThat(value(run(ScriptKey.GET_USER, "ann@example.com")).path("user_id").asText())
                .isEqualTo(profile.path("user_id").asText());
        assertThat(value(run(ScriptKey.GET_USER, "nobody@example.com")).isNull()).isTrue();
        assertThat(value(run(ScriptKey.VERIFY, "ann@example.com")).asBoolean()).isTrue();
        assertThat(value(run(ScriptKey.VERIFY, "nobody@example.com")).asBoolean()).isFalse();
        assertThat(value(run(ScriptKey.CHANGE_PASSWORD, "ann@example.com", "new-secret")).asBoolean()).isTrue();
        assertThat(value(run(ScriptKey.LOGIN, "ann@example.com", "new-secret")).path("email_verified").asBoolean())
                .isTrue();
        assertThat(value(run(ScriptKey.CHANGE_EMAIL, "ann@example.com", "ann@new.example", true)).asBoolean())
                .isTrue();
        assertThat(value(run(ScriptKey.CHANGE_EMAIL, "ann@example.com", "x@new.example", true)).asBoolean())
                .isFalse();

        assertThat(run(ScriptKey.DELETE, profile.path("user_id").asText()).outcome())
                .isInstanceOf(ScriptOutcome.Success.class);
        assertThat(value(run(ScriptKey.GET_USER, "ann@new.example")).isNull()).isTrue();
    }

    private static ScriptResult run(ScriptKey key, Object... args) {
        return Sandboxes.run(runner, connection, key, args);
    }

    private static JsonNode value(ScriptResult result) {
        assertThat(result.outcome()).as("%s %s", result.outcome(), result.console())
                .isInstanceOf(ScriptOutcome.Success.class);
        JsonNode value = ((ScriptOutcome.Success) result.outcome()).value();
        return value == null ? JSON.nullNode() : value;
    }

    private static String failureCode(ScriptResult result) {
        assertThat(result.outcome()).as("%s %s", result.outcome(), result.console())
                .isInstanceOf(ScriptOutcome.Failure.class);
        return ((ScriptOutcome.Failure) result.outcome()).error().code().orElse("");
    }
}
