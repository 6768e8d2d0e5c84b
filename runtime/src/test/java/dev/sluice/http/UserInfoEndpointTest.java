package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.client.Client;
import dev.sluice.token.AccessTokenRequest;
import dev.sluice.token.TokenIssuer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /userinfo} over real HTTP with access tokens from the real password-realm grant: two import-mode
 * connections whose scripts give users the same id, the own store on embedded H2, the real sandbox.
 */
class UserInfoEndpointTest {

    private static final String ISSUER = LoginServer.ISSUER;
    private static final String LOGIN = """
            function login(email, password, callback) {
              if (password !== 'secret-1') return callback(new WrongUsernameOrPasswordError(email));
              // ann and bob share an id in two connections; ids are unique within one connection
              callback(null, {user_id: email === 'carl@example.com' ? '8' : '7', email: email, email_verified: configuration.VERIFIED === 'yes',
                              name: configuration.NAME, nickname: 'nick', given_name: 'Given'});
            }
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    private static LoginServer server;
    private static TokenIssuer issuer;
    private static Client client;

    @BeforeAll
    static void start() {
        server = new LoginServer(data)
                .importing("first", Map.of("login", LOGIN), Map.of("NAME", "First Person", "VERIFIED", "yes"))
                .importing("second", Map.of("login", LOGIN), Map.of("NAME", "Second Person", "VERIFIED", "no"))
                .start();
        issuer = server.issuer();
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_users_token_reads_that_users_claims_by_its_connection_even_when_ids_collide() throws Exception {
        String first = accessToken("first", "ann@example.com", "openid profile email");
        String second = accessToken("second", "bob@example.com", "openid profile email");

        JsonNode ann = JSON.readTree(userinfo("GET", "Bearer " + first).body());
        JsonNode bob = JSON.readTree(userinfo("POST", "Bearer " + second).body());

        assertThat(ann.get("sub").asText()).isEqualTo("auth0|7");
        assertThat(ann.get("email").asText()).isEqualTo("ann@example.com");
        assertThat(ann.get("email_verified").asBoolean()).isTrue();
        assertThat(ann.get("name").asText()).isEqualTo("First Person");
        assertThat(ann.get("nickname").asText()).isEqualTo("nick");
        assertThat(ann.get("given_name").asText()).isEqualTo("Given");
        assertThat(ann.get("updated_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(bob.get("sub").asText()).isEqualTo("auth0|7");
        assertThat(bob.get("email").asText()).isEqualTo("bob@example.com");
        assertThat(bob.get("email_verified").asBoolean()).isFalse();
        assertThat(bob.get("name").asText()).isEqualTo("Second Person");
    }

    @Test
    void the_claims_follow_the_tokens_scopes() throws Exception {
        String openidOnly = accessToken("first", "carl@example.com", "openid");
        String emailOnly = accessToken("first", "carl@example.com", "openid email");

        JsonNode bare = JSON.readTree(userinfo("GET", "Bearer " + openidOnly).body());
        JsonNode email = JSON.readTree(userinfo("GET", "Bearer " + emailOnly).body());

        assertThat(bare.properties()).extracting(Map.Entry::getKey).containsExactly("sub");
        assertThat(email.properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("sub", "email", "email_verified");
    }

    @Test
    void a_missing_malformed_or_foreign_token_is_401_invalid_token() throws Exception {
        String management = issuer.accessToken(AccessTokenRequest.clientCredentials(client.clientId(),
                ISSUER + "api/v2/", List.of("read:users"))).value();
        String ghost = issuer.accessToken(new AccessTokenRequest("auth0|404", client.clientId(),
                List.of(ISSUER + "userinfo"), List.of("openid"), AccessTokenRequest.PASSWORD,
                Map.of(AccessTokenRequest.CONNECTION_CLAIM, "first"))).value();

        for (String authorization : new String[] {null, "Basic abc", "Bearer not-a-jwt", "Bearer " + management,
                "Bearer " + ghost}) {
            HttpResponse<String> response = userinfo("GET", authorization);
            assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
            assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("invalid_token");
        }
    }

    @Test
    void discovery_names_the_endpoint_that_answers() throws Exception {
        HttpResponse<String> discovery = server.send(HttpRequest.newBuilder(URI.create(server.base()
                + "/.well-known/openid-configuration")));

        assertThat(JSON.readTree(discovery.body()).get("userinfo_endpoint").asText()).isEqualTo(ISSUER + "userinfo");
    }

    private static String accessToken(String realm, String email, String scope) throws Exception {
        HttpResponse<String> response = server.token(Map.of("realm", realm, "username", email, "password",
                "secret-1", "scope", scope));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static HttpResponse<String> userinfo(String method, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + "/userinfo"))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return server.send(request);
    }
}
