package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.client.Client;
import dev.sluice.token.Verification;
import dev.sluice.token.VerifiedToken;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password-realm grant over real HTTP: the real sandbox, the own store and the connections on embedded H2. */
class PasswordRealmGrantTest {

    private static final String ISSUER = LoginServer.ISSUER;
    private static final String GRANT = LoginServer.GRANT;
    private static final String REALM = "legacy-users";
    private static final String PASSWORD = "secret-1";
    private static final String LOGIN = """
            function login(email, password, callback) {
              if (email === 'blocked@example.com') {
                return callback(new UnauthorizedError('Blocked: call the help desk.'));
              }
              if (email === 'ann@example.com' && password === 'secret-1') {
                return callback(null, {user_id: '4711', email: 'Ann@Example.com', email_verified: true,
                                       nickname: 'ann', name: 'Ann Example'});
              }
              callback(new WrongUsernameOrPasswordError(email));
            }
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    private static LoginServer server;
    private static Client client;

    @BeforeAll
    static void start() {
        server = new LoginServer(data).importing(REALM, Map.of("login", LOGIN), Map.of()).start();
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void right_credentials_get_tokens_with_the_users_id_and_email() throws Exception {
        HttpResponse<String> response = token(Map.of("username", "ann@example.com", "password", PASSWORD,
                "scope", "openid profile email"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("scope").asText()).isEqualTo("openid profile email");
        assertThat(body.get("expires_in").asLong()).isPositive();
        VerifiedToken id = valid(body.get("id_token").asText(), client.clientId());
        assertThat(id.subject()).isEqualTo("auth0|4711");
        assertThat(id.issuer()).isEqualTo(ISSUER);
        assertThat(id.stringClaim("email")).contains("ann@example.com");
        assertThat(id.stringClaim("nickname")).contains("ann");
        VerifiedToken access = valid(body.get("access_token").asText(), ISSUER + "userinfo");
        assertThat(access.subject()).isEqualTo("auth0|4711");
        assertThat(access.authorizedParty()).contains(client.clientId());
    }

    @Test
    void a_wrong_password_is_403_invalid_grant() throws Exception {
        HttpResponse<String> response = token(Map.of("username", "ann@example.com", "password", "nope-wrong"));

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("invalid_grant");
        assertThat(body.get("error_description").asText()).isEqualTo("Wrong email or password.");
        assertThat(response.body()).doesNotContain("nope-wrong");
    }

    @Test
    void an_unauthorized_error_is_401_with_the_scripts_message() throws Exception {
        HttpResponse<String> response = token(Map.of("username", "blocked@example.com", "password", PASSWORD));

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("unauthorized");
        assertThat(body.get("error_description").asText()).isEqualTo("Blocked: call the help desk.");
    }

    @Test
    void a_wrong_client_secret_is_401_invalid_client() throws Exception {
        HttpResponse<String> response = token(Map.of("username", "ann@example.com", "password", PASSWORD,
                "client_secret", "not-the-secret"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void an_unknown_realm_is_400_invalid_request() throws Exception {
        HttpResponse<String> response = token(Map.of("username", "ann@example.com", "password", PASSWORD,
                "realm", "no-such-connection"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void discovery_lists_the_grant() throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(URI.create(server.base()
                + "/.well-known/openid-configuration")));

        assertThat(JSON.readTree(response.body()).get("grant_types_supported").toString()).contains(GRANT);
    }

    private static VerifiedToken valid(String token, String audience) {
        Verification verification = server.verifier().verify(token, audience);
        assertThat(verification).isInstanceOf(Verification.Valid.class);
        return ((Verification.Valid) verification).token();
    }

    private static HttpResponse<String> token(Map<String, String> overrides) throws Exception {
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("realm", REALM));
        form.putAll(overrides);
        return server.token(form);
    }
}
