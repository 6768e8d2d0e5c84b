package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sluice.cli.StoreUserDirectory;
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
import dev.sluice.token.AccessTokenRequest;
import dev.sluice.token.FileSigningKeyStore;
import dev.sluice.token.Jwks;
import dev.sluice.token.SigningKeys;
import dev.sluice.token.TokenIssuer;
import dev.sluice.token.TokenSettings;
import dev.sluice.token.TokenVerifier;
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

/**
 * {@code /userinfo} over real HTTP with access tokens from the real password-realm grant: two import-mode
 * connections whose scripts give users the same id, the own store on embedded H2, the real sandbox.
 */
class UserInfoEndpointTest {

    private static final String ISSUER = "https://auth.example.com/";
    private static final String GRANT = "http://auth0.com/oauth/grant-type/password-realm";
    private static final String LOGIN = """
            function login(email, password, callback) {
              if (password !== 'secret-1') return callback(new WrongUsernameOrPasswordError(email));
              // ann and bob share an id in two connections; ids are unique within one connection
              callback(null, {user_id: email === 'carl@example.com' ? '8' : '7', email: email, email_verified: configuration.VERIFIED === 'yes',
                              name: configuration.NAME, nickname: 'nick', given_name: 'Given'});
            }
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path data;

    private static Database database;
    private static GraalScriptRunner runner;
    private static SluiceHttpServer server;
    private static TokenIssuer issuer;
    private static Client client;

    @BeforeAll
    static void start() {
        database = Database.open(StoreSettings.embedded(data));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretKeySpec aes = new SecretKeySpec(key, "AES");
        SigningKeys keys = SigningKeys.open(new FileSigningKeyStore(data, key), Clock.systemUTC(), 1);
        TokenSettings tokens = TokenSettings.defaults(ISSUER);
        issuer = new TokenIssuer(keys, tokens, Clock.systemUTC());
        ClientStore clients = new ClientStore(database.dataSource(), aes, new SecureRandom(), Clock.systemUTC());
        client = clients.create(new NewClient("web app", "regular_web", List.of(GRANT), "client_secret_post",
                List.of()));
        OAuthServices oauth = new OAuthServices(issuer, new TokenVerifier(keys, tokens, Clock.systemUTC()), clients,
                new AdminClientConfig("bootstrap-admin", "bootstrap-admin-secret-0123456789", Optional.empty()));
        JdbcConnectionStore connections = new JdbcConnectionStore(database.dataSource(), database.dialect(),
                new ConfigurationCipher(aes), Clock.systemUTC());
        connections.create(connection("first", "First Person", "yes"));
        connections.create(connection("second", "Second Person", "no"));
        runner = Sandboxes.runner();
        JdbcUserStore users = new JdbcUserStore(database);
        LoginFlow flow = new LoginFlow(users, new PasswordHasher(4), runner,
                LoginFlow.legacyStorePolicy(ScriptPolicy.defaults()));
        server = SluiceHttpServer.start(new HttpSettings(0, 64 * 1024), IssuerConfig.parse(ISSUER), new Jwks(keys),
                () -> new Health(true, "Interpreted", List.of()),
                RouteGroups.none().withOAuth(oauth).withLogins(new PasswordLogins(connections, flow))
                        .withUsers(new StoreUserDirectory(users)));
    }

    private static ConnectionDraft connection(String name, String person, String verified) {
        return new ConnectionDraft(name, new ConnectionOptions(Map.of("login", LOGIN),
                Map.of("NAME", person, "VERIFIED", verified),
                JsonNodeFactory.instance.objectNode().put("enabledDatabaseCustomization", true)
                        .put("import_mode", true)), List.of());
    }

    @AfterAll
    static void stop() {
        server.close();
        runner.close();
        database.close();
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
        HttpResponse<String> discovery = HTTP.send(HttpRequest.newBuilder(URI.create(base()
                + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(JSON.readTree(discovery.body()).get("userinfo_endpoint").asText()).isEqualTo(ISSUER + "userinfo");
    }

    private static String accessToken(String realm, String email, String scope) throws Exception {
        Map<String, String> form = Map.of("grant_type", GRANT, "client_id", client.clientId(), "client_secret",
                client.secret(), "realm", realm, "username", email, "password", "secret-1", "scope", scope);
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static HttpResponse<String> userinfo(String method, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/userinfo"))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
