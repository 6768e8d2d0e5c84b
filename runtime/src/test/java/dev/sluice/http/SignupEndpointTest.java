package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.client.Client;
import dev.sluice.user.JdbcUserStore;
import dev.sluice.user.User;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /dbconnections/signup} over real HTTP: the real sandbox, the own store and connections on H2. */
class SignupEndpointTest {

    private static final String GRANT = LoginServer.GRANT;
    private static final String REALM = "legacy-users";
    private static final String BROKEN = "broken-legacy";
    private static final String PASSWORD = "a good passphrase";
    private static final String LOGIN = """
            function login(email, password, callback) {
              callback(new WrongUsernameOrPasswordError(email));
            }
            """;
    private static final String GET_USER = """
            function getByEmail(email, callback) {
              if (email === 'ann@example.com') return callback(null, {user_id: '4711', email: email});
              callback(null);
            }
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    private static LoginServer server;
    private static JdbcUserStore users;
    private static Client client;

    @BeforeAll
    static void start() {
        server = new LoginServer(data)
                .importing(REALM, Map.of("login", LOGIN, "get_user", GET_USER), Map.of())
                .importing(BROKEN, Map.of("login", LOGIN, "get_user",
                        "function getByEmail(email, callback) { callback(new Error('connection refused')); }"),
                        Map.of())
                .start();
        users = server.users();
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_new_user_gets_200_with_the_platforms_shape_and_can_then_log_in() throws Exception {
        HttpResponse<String> response = signup("""
                {"client_id": "%s", "email": "Bea@Example.com", "password": "%s", "connection": "%s",
                 "given_name": "Bea", "user_metadata": {"color": "blue"}}
                """.formatted(client.clientId(), PASSWORD, REALM));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("_id").asText()).matches("[0-9a-f]{24}");
        assertThat(body.get("email").asText()).isEqualTo("bea@example.com");
        assertThat(body.get("email_verified").asBoolean()).isFalse();
        assertThat(body.get("given_name").asText()).isEqualTo("Bea");
        assertThat(body.path("user_metadata").path("color").asText()).isEqualTo("blue");
        assertThat(response.body()).doesNotContain(PASSWORD);
        User stored = users.findById(REALM, body.get("_id").asText()).orElseThrow();
        assertThat(stored.passwordHash()).isPresent();

        HttpResponse<String> login = form("/oauth/token", Map.of("grant_type", GRANT, "client_id", client.clientId(),
                "client_secret", client.secret(), "realm", REALM, "username", "bea@example.com",
                "password", PASSWORD));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(login.body()).has("access_token")).isTrue();
    }

    @Test
    void a_form_encoded_signup_works_too() throws Exception {
        HttpResponse<String> response = form(SignupEndpoint.PATH, Map.of("client_id", client.clientId(),
                "email", "form@example.com", "password", PASSWORD, "connection", REALM, "username", "formy"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("username").asText()).isEqualTo("formy");
    }

    @Test
    void a_user_the_legacy_store_knows_is_400_user_exists() throws Exception {
        HttpResponse<String> response = signup(json("ann@example.com", PASSWORD, REALM));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("name").asText()).isEqualTo("BadRequestError");
        assertThat(body.get("code").asText()).isEqualTo("user_exists");
        assertThat(body.get("description").asText()).isEqualTo("The user already exists.");
        assertThat(body.get("statusCode").asInt()).isEqualTo(400);
        assertThat(users.findByEmail(REALM, "ann@example.com")).isEmpty();
    }

    @Test
    void a_second_signup_with_the_same_email_is_400_user_exists() throws Exception {
        assertThat(signup(json("twice@example.com", PASSWORD, REALM)).statusCode()).isEqualTo(200);

        HttpResponse<String> again = signup(json("TWICE@example.com", PASSWORD, REALM));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(again.body()).get("code").asText()).isEqualTo("user_exists");
    }

    @Test
    void a_weak_password_is_400_invalid_password() throws Exception {
        HttpResponse<String> response = signup(json("weak@example.com", "abc", REALM));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("name").asText()).isEqualTo("PasswordStrengthError");
        assertThat(body.get("code").asText()).isEqualTo("invalid_password");
        assertThat(body.get("message").asText()).isEqualTo("Password is too weak");
        assertThat(body.get("statusCode").asInt()).isEqualTo(400);
    }

    @Test
    void malformed_bodies_are_400_with_a_precise_message() throws Exception {
        assertThat(error(signup("{not json"))).isEqualTo("invalid_request: The request body is not valid JSON.");
        assertThat(error(signup("[1]"))).isEqualTo("invalid_request: The request body must be a JSON object.");
        assertThat(error(signup("{\"client_id\": \"%s\", \"email\": \"x@example.com\", \"connection\": \"%s\"}"
                .formatted(client.clientId(), REALM))))
                .isEqualTo("invalid_request: Missing required parameter: password");
        assertThat(error(signup("{\"client_id\": \"%s\", \"email\": 5, \"password\": \"p\", \"connection\": \"c\"}"
                .formatted(client.clientId())))).isEqualTo("invalid_request: Parameter email must be a string.");
        assertThat(error(signup(json("not-an-email", PASSWORD, REALM))))
                .isEqualTo("invalid_signup: The email is not valid.");
    }

    @Test
    void an_unknown_connection_is_400_and_an_unknown_client_401() throws Exception {
        assertThat(error(signup(json("x@example.com", PASSWORD, "nope"))))
                .isEqualTo("invalid_request: Unknown connection: 'nope'");
        HttpResponse<String> response = signup("""
                {"client_id": "no-such-client", "email": "x@example.com", "password": "%s", "connection": "%s"}
                """.formatted(PASSWORD, REALM));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).get("name").asText()).isEqualTo("UnauthorizedError");
    }

    @Test
    void a_failing_legacy_store_is_503_and_creates_nothing() throws Exception {
        HttpResponse<String> response = signup(json("fay@example.com", PASSWORD, BROKEN));

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("code").asText()).isEqualTo("temporarily_unavailable");
        assertThat(body.get("description").asText()).isEqualTo("The legacy user store did not answer.");
        assertThat(response.body()).doesNotContain("connection refused").doesNotContain(PASSWORD);
        assertThat(users.findByEmail(BROKEN, "fay@example.com")).isEmpty();
    }

    private static String json(String email, String password, String connection) {
        return "{\"client_id\": \"%s\", \"email\": \"%s\", \"password\": \"%s\", \"connection\": \"%s\"}"
                .formatted(client.clientId(), email, password, connection);
    }

    private static String error(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("name").asText()).isEqualTo("BadRequestError");
        return body.get("code").asText() + ": " + body.get("description").asText();
    }

    private static HttpResponse<String> signup(String json) throws Exception {
        return server.send(HttpRequest.newBuilder(URI.create(server.base() + SignupEndpoint.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> form(String path, Map<String, String> form) throws Exception {
        return server.post(path, form);
    }
}
