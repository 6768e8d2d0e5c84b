package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sluice.client.Client;
import dev.sluice.client.ClientStore;
import dev.sluice.client.NewClient;
import dev.sluice.config.AdminClientConfig;
import dev.sluice.config.IssuerConfig;
import dev.sluice.connection.ConfigurationCipher;
import dev.sluice.connection.ConnectionDraft;
import dev.sluice.connection.ConnectionOptions;
import dev.sluice.connection.JdbcConnectionStore;
import dev.sluice.migration.LoginFlow;
import dev.sluice.migration.PasswordLogins;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.Sandboxes;
import dev.sluice.sandbox.ScriptPolicy;
import dev.sluice.store.Database;
import dev.sluice.store.StoreSettings;
import dev.sluice.token.FileSigningKeyStore;
import dev.sluice.token.Jwks;
import dev.sluice.token.SigningKeys;
import dev.sluice.token.TokenIssuer;
import dev.sluice.token.TokenSettings;
import dev.sluice.token.TokenVerifier;
import dev.sluice.token.Verification;
import dev.sluice.token.VerifiedToken;
import dev.sluice.user.JdbcUserStore;
import dev.sluice.user.PasswordHasher;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password-realm grant over real HTTP: the real sandbox, the own store and the connections on embedded H2. */
class PasswordRealmGrantTest {

    private static final String ISSUER = "https://auth.example.com/";
    private static final String GRANT = "http://auth0.com/oauth/grant-type/password-realm";
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
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path data;

    private static Database database;
    private static GraalScriptRunner runner;
    private static SluiceHttpServer server;
    private static TokenVerifier verifier;
    private static Client client;

    @BeforeAll
    static void start() {
        database = Database.open(StoreSettings.embedded(data));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretKeySpec aes = new SecretKeySpec(key, "AES");
        SigningKeys keys = SigningKeys.open(new FileSigningKeyStore(data, key), Clock.systemUTC(), 1);
        TokenSettings tokens = TokenSettings.defaults(ISSUER);
        verifier = new TokenVerifier(keys, tokens, Clock.systemUTC());
        ClientStore clients = new ClientStore(database.dataSource(), aes, new SecureRandom(), Clock.systemUTC());
        client = clients.create(new NewClient("web app", "regular_web", List.of(GRANT), "client_secret_post",
                List.of()));
        OAuthServices oauth = new OAuthServices(new TokenIssuer(keys, tokens, Clock.systemUTC()), verifier, clients,
                new AdminClientConfig("bootstrap-admin", "bootstrap-admin-secret-0123456789", Optional.empty()));
        JdbcConnectionStore connections = new JdbcConnectionStore(database.dataSource(), database.dialect(),
                new ConfigurationCipher(aes), Clock.systemUTC());
        connections.create(new ConnectionDraft(REALM, new ConnectionOptions(Map.of("login", LOGIN), Map.of(),
                JsonNodeFactory.instance.objectNode().put("enabledDatabaseCustomization", true)
                        .put("import_mode", true)), List.of()));
        runner = Sandboxes.runner();
        LoginFlow flow = new LoginFlow(new JdbcUserStore(database), new PasswordHasher(4), runner,
                LoginFlow.legacyStorePolicy(ScriptPolicy.defaults()));
        server = SluiceHttpServer.start(new HttpSettings(0, 64 * 1024), IssuerConfig.parse(ISSUER), new Jwks(keys),
                () -> new Health(true, "Interpreted", List.of()),
                RouteGroups.none().withOAuth(oauth).withLogins(new PasswordLogins(connections, flow)));
    }

    @AfterAll
    static void stop() {
        server.close();
        runner.close();
        database.close();
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
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.port() + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(JSON.readTree(response.body()).get("grant_types_supported").toString()).contains(GRANT);
    }

    private static VerifiedToken valid(String token, String audience) {
        Verification verification = verifier.verify(token, audience);
        assertThat(verification).isInstanceOf(Verification.Valid.class);
        return ((Verification.Valid) verification).token();
    }

    private static HttpResponse<String> token(Map<String, String> overrides) throws Exception {
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("grant_type", GRANT, "client_id",
                client.clientId(), "client_secret", client.secret(), "realm", REALM));
        form.putAll(overrides);
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
