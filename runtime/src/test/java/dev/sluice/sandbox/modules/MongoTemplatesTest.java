package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.Sandboxes;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptResult;
import dev.sluice.sandbox.ScriptSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seven scripts of {@code scripts-templates/mongodb}, one after another, against mongo-java-server. */
class MongoTemplatesTest {

    private static MongoServer server;
    private static GraalScriptRunner runner;
    private static Map<String, String> configuration;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        configuration = Map.of("MONGO_URL", "mongodb://127.0.0.1:" + server.bind().getPort() + "/legacy",
                "BCRYPT_ROUNDS", "4");
        runner = Sandboxes.runner();
    }

    @AfterAll
    static void stop() {
        runner.close();
        server.shutdownNow();
    }

    @Test
    void the_seven_scripts_create_log_in_change_and_delete_a_user() {
        ScriptOutcome created = run(ScriptKey.CREATE, "create", Map.of("email", "ann@example.com", "password", "pw1"));
        ScriptOutcome duplicate = run(ScriptKey.CREATE, "create", Map.of("email", "ann@example.com", "password", "x"));
        JsonNode profile = value(run(ScriptKey.LOGIN, "login", "ann@example.com", "pw1"));
        ScriptOutcome wrong = run(ScriptKey.LOGIN, "login", "ann@example.com", "nope");
        JsonNode found = value(run(ScriptKey.GET_USER, "get_user", "ann@example.com"));
        JsonNode missing = value(run(ScriptKey.GET_USER, "get_user", "nobody@example.com"));
        JsonNode verified = value(run(ScriptKey.VERIFY, "verify", "ann@example.com"));
        JsonNode changed = value(run(ScriptKey.CHANGE_PASSWORD, "change_password", "ann@example.com", "pw2"));
        JsonNode loggedIn = value(run(ScriptKey.LOGIN, "login", "ann@example.com", "pw2"));
        JsonNode moved = value(run(ScriptKey.CHANGE_EMAIL, "change_email", "ann@example.com", "ann@new.example", true));
        ScriptOutcome deleted = run(ScriptKey.DELETE, "delete", profile.path("user_id").asText());
        JsonNode gone = value(run(ScriptKey.GET_USER, "get_user", "ann@new.example"));

        assertThat(created).isInstanceOf(ScriptOutcome.Success.class);
        assertThat(((ScriptOutcome.Failure) duplicate).error().code()).contains("user_exists");
        assertThat(profile.path("user_id").asText()).hasSize(24);
        assertThat(profile.path("nickname").asText()).isEqualTo("ann");
        assertThat(((ScriptOutcome.Failure) wrong).error().name()).isEqualTo("WrongUsernameOrPasswordError");
        assertThat(found.path("email").asText()).isEqualTo("ann@example.com");
        assertThat(missing.isNull()).isTrue();
        assertThat(verified.asBoolean()).isTrue();
        assertThat(changed.asBoolean()).isTrue();
        assertThat(loggedIn.path("email_verified").asBoolean()).isTrue();
        assertThat(moved.asBoolean()).isTrue();
        assertThat(deleted).isInstanceOf(ScriptOutcome.Success.class);
        assertThat(gone.isNull()).isTrue();
    }

    private static ScriptOutcome run(ScriptKey key, String file, Object... args) {
        ScriptSet set = Sandboxes.set(key, template(file), configuration, "{\"allowLoopback\": true}");
        ScriptResult result = Sandboxes.run(runner, set, key, args);
        return result.outcome();
    }

    private static JsonNode value(ScriptOutcome outcome) {
        assertThat(outcome).isInstanceOf(ScriptOutcome.Success.class);
        return ((ScriptOutcome.Success) outcome).value();
    }

    private static String template(String name) {
        try {
            return Files.readString(Path.of("..", "scripts-templates", "mongodb", name + ".js"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
