package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.cli.StoreUserDirectory;
import dev.sluice.client.ClientStore;
import dev.sluice.config.AdminClientConfig;
import dev.sluice.config.IssuerConfig;
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
import dev.sluice.user.NewUser;
import dev.sluice.user.User;
import dev.sluice.user.UserSource;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user reads through the real server ({@link SluiceHttpServer}, {@link SluiceRouter}) on embedded H2, with the
 * real user store behind {@link StoreUserDirectory} and real bearer tokens checked by {@link ManagementAuth}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserRoutesTest {

    private static final String ISSUER = "https://sluice.test/";

    @TempDir
    static Path temporaryDirectory;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Database database;
    private JdbcUserStore store;
    private SluiceHttpServer server;
    private String reader;
    private String connectionsOnly;
    private String connection;
    private String email;

    @BeforeAll
    void start() {
        database = Database.open(StoreSettings.embedded(temporaryDirectory));
        store = new JdbcUserStore(database);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        TokenSettings settings = TokenSettings.defaults(ISSUER);
        SigningKeys keys = SigningKeys.open(new FileSigningKeyStore(temporaryDirectory, key), Clock.systemUTC(), 2);
        TokenIssuer issuer = new TokenIssuer(keys, settings, Clock.systemUTC());
        reader = issuer.accessToken(AccessTokenRequest.clientCredentials("cli_reader", settings.managementAudience(),
                List.of("read:users"))).value();
        connectionsOnly = issuer.accessToken(AccessTokenRequest.clientCredentials("cli_other",
                settings.managementAudience(), List.of("read:connections", "create:users"))).value();
        OAuthServices oauth = new OAuthServices(issuer, new TokenVerifier(keys, settings, Clock.systemUTC()),
                new ClientStore(database.dataSource(), new SecretKeySpec(key, "AES"), new SecureRandom(),
                        Clock.systemUTC()),
                new AdminClientConfig("cli_bootstrap", "bootstrap-secret-0123456789abcdef", Optional.empty()));
        server = SluiceHttpServer.start(new HttpSettings(0, 1 << 20), IssuerConfig.parse(ISSUER), new Jwks(keys),
                () -> new Health(true, "Interpreted", List.of()),
                RouteGroups.none().withOAuth(oauth).withUsers(new StoreUserDirectory(store)));
    }

    @AfterAll
    void stop() {
        server.close();
        database.close();
    }

    @BeforeEach
    void aConnectionOfItsOwn() {
        connection = "conn-" + UUID.randomUUID();
        email = "alice-" + UUID.randomUUID() + "@example.com";
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = get(path, reader);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode refused(String path, String token, int status, String code) throws Exception {
        HttpResponse<String> response = get(path, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("statusCode").asInt()).isEqualTo(status);
        assertThat(body.path("errorCode").asText()).isEqualTo(code);
        return body;
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private User alice() {
        ObjectNode profile = json.createObjectNode().put("name", "Alice Liddell").put("nickname", "alice")
                .put("given_name", "Alice").put("family_name", "Liddell").put("picture", "https://pics/a.png");
        profile.putObject("user_metadata").put("theme", "dark");
        profile.putObject("app_metadata").put("plan", "gold");
        return store.create(NewUser.of(connection, "alice-" + UUID.randomUUID(), UserSource.IMPORTED)
                .withEmail(email.toUpperCase(java.util.Locale.ROOT), true).withUsername("alice")
                .withPasswordHash("$2b$04$abcdefghijklmnopqrstuuKc8YkDGMBMC0TtlhY7yfeUUGmxUv7Ta")
                .withProfile(profile));
    }

    private List<String> ids(JsonNode users) {
        List<String> ids = new ArrayList<>();
        users.forEach(user -> ids.add(user.path("user_id").asText()));
        return ids;
    }

    @Test
    void a_user_is_shown_as_on_the_platform_and_never_with_its_password_hash() throws Exception {
        User alice = alice();

        JsonNode users = ok("/api/v2/users?connection=" + connection);

        assertThat(users.isArray()).isTrue();
        assertThat(users).hasSize(1);
        JsonNode shown = users.get(0);
        assertThat(shown.path("user_id").asText()).isEqualTo("auth0|" + alice.userId());
        assertThat(shown.path("email").asText()).isEqualTo(email);
        assertThat(shown.path("email_verified").asBoolean()).isTrue();
        assertThat(shown.path("username").asText()).isEqualTo("alice");
        assertThat(shown.path("name").asText()).isEqualTo("Alice Liddell");
        assertThat(shown.path("nickname").asText()).isEqualTo("alice");
        assertThat(shown.path("given_name").asText()).isEqualTo("Alice");
        assertThat(shown.path("family_name").asText()).isEqualTo("Liddell");
        assertThat(shown.path("picture").asText()).isEqualTo("https://pics/a.png");
        assertThat(shown.path("user_metadata").path("theme").asText()).isEqualTo("dark");
        assertThat(shown.path("app_metadata").path("plan").asText()).isEqualTo("gold");
        assertThat(shown.path("identities")).hasSize(1);
        JsonNode identity = shown.path("identities").get(0);
        assertThat(identity.path("provider").asText()).isEqualTo("auth0");
        assertThat(identity.path("connection").asText()).isEqualTo(connection);
        assertThat(identity.path("user_id").asText()).isEqualTo(alice.userId());
        assertThat(identity.path("isSocial").isBoolean()).isTrue();
        assertThat(identity.path("isSocial").asBoolean()).isFalse();
        assertThat(shown.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")
                .isEqualTo(shown.path("updated_at").asText());
        assertThat(java.time.Instant.parse(shown.path("created_at").asText()))
                .isEqualTo(alice.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(shown.toString()).doesNotContain("$2b$").doesNotContain("password");
    }

    @Test
    void pages_come_with_totals_when_asked_and_as_a_bare_array_otherwise() throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add("auth0|" + store.create(NewUser.of(connection, "u" + i, UserSource.BULK)).userId());
        }

        JsonNode second = ok("/api/v2/users?connection=" + connection + "&page=1&per_page=2&include_totals=true");
        JsonNode last = ok("/api/v2/users?connection=" + connection + "&page=2&per_page=2&include_totals=true");
        JsonNode past = ok("/api/v2/users?connection=" + connection + "&page=9&per_page=2&include_totals=true");
        JsonNode bare = ok("/api/v2/users?connection=" + connection + "&page=0&per_page=3");

        List<String> paged = new ArrayList<>(ids(ok("/api/v2/users?connection=" + connection + "&per_page=2")));
        paged.addAll(ids(second.path("users")));
        paged.addAll(ids(last.path("users")));
        // Users created in one millisecond tie on created_at; the pages still hold each user exactly once.
        assertThat(paged).containsExactlyInAnyOrderElementsOf(created);
        assertThat(second.path("start").asLong()).isEqualTo(2);
        assertThat(second.path("limit").asInt()).isEqualTo(2);
        assertThat(second.path("length").asInt()).isEqualTo(2);
        assertThat(second.path("total").asLong()).isEqualTo(5);
        assertThat(last.path("length").asInt()).isEqualTo(1);
        assertThat(past.path("users")).isEmpty();
        assertThat(past.path("total").asLong()).isEqualTo(5);
        assertThat(bare.isArray()).isTrue();
        assertThat(bare).hasSize(3);
    }

    @Test
    void page_sizes_outside_1_to_100_and_bad_pages_are_refused() throws Exception {
        refused("/api/v2/users?per_page=0", reader, 400, "invalid_query_string");
        refused("/api/v2/users?per_page=101", reader, 400, "invalid_query_string");
        refused("/api/v2/users?page=-1", reader, 400, "invalid_query_string");
        refused("/api/v2/users?page=abc", reader, 400, "invalid_query_string");
        assertThat(ok("/api/v2/users?per_page=100").isArray()).isTrue();
    }

    @Test
    void q_finds_by_email_by_connection_and_by_both_joined_with_and() throws Exception {
        User alice = alice();
        String other = connection + "-other";
        User twin = store.create(NewUser.of(other, "twin-" + UUID.randomUUID(), UserSource.SIGNED_UP)
                .withEmail(email, false));
        store.create(NewUser.of(connection, "bob-" + UUID.randomUUID(), UserSource.SIGNED_UP)
                .withEmail("bob@example.com", false));

        String upper = email.toUpperCase(java.util.Locale.ROOT);
        JsonNode byEmail = ok("/api/v2/users?q=" + encoded("email:\"" + upper + "\""));
        JsonNode byConnection = ok("/api/v2/users?q=" + encoded("identities.connection:\"" + other + "\""));
        JsonNode both = ok("/api/v2/users?q=" + encoded("email:\"" + email + "\" AND identities.connection:\""
                + connection + "\""));
        JsonNode bareValue = ok("/api/v2/users?q=" + encoded("identities.connection:" + other
                + " AND email:" + email));
        JsonNode withParameter = ok("/api/v2/users?connection=" + other + "&q="
                + encoded("email:\"" + email + "\""));
        JsonNode contradictory = ok("/api/v2/users?include_totals=true&connection=" + other + "&q="
                + encoded("identities.connection:\"" + connection + "\""));

        // Users are listed by creation time, then by their random row id: two created in one millisecond may come
        // in either order.
        assertThat(ids(byEmail)).containsExactlyInAnyOrder("auth0|" + alice.userId(), "auth0|" + twin.userId());
        assertThat(ids(byConnection)).containsExactly("auth0|" + twin.userId());
        assertThat(ids(both)).containsExactly("auth0|" + alice.userId());
        assertThat(ids(bareValue)).containsExactly("auth0|" + twin.userId());
        assertThat(ids(withParameter)).containsExactly("auth0|" + twin.userId());
        assertThat(contradictory.path("users")).isEmpty();
        assertThat(contradictory.path("total").asLong()).isZero();
    }

    @Test
    void q_outside_the_supported_subset_is_refused_naming_what_is_not_supported() throws Exception {
        assertThat(refused("/api/v2/users?q=" + encoded("name:\"Alice\""), reader, 400, "invalid_query_string")
                .path("message").asText()).contains("'name'").contains("not supported");
        assertThat(refused("/api/v2/users?q=" + encoded("email:\"a@b.c\" OR email:\"d@e.f\""), reader, 400,
                "invalid_query_string").path("message").asText()).contains("AND").contains("OR email");
        assertThat(refused("/api/v2/users?q=" + encoded("email:*@example.com"), reader, 400,
                "invalid_query_string").path("message").asText()).contains("wildcards");
        assertThat(refused("/api/v2/users?q=" + encoded("email:\"a@b.c"), reader, 400, "invalid_query_string")
                .path("message").asText()).contains("not closed");
        assertThat(refused("/api/v2/users?q=" + encoded("alice"), reader, 400, "invalid_query_string")
                .path("message").asText()).contains("'alice'");
        assertThat(refused("/api/v2/users?q=" + encoded("email:a@b.c AND email:d@e.f"), reader, 400,
                "invalid_query_string").path("message").asText()).contains("more than once");
    }

    @Test
    void a_user_is_read_by_its_percent_encoded_platform_id() throws Exception {
        User alice = alice();

        JsonNode shown = ok("/api/v2/users/" + encoded("auth0|" + alice.userId()));

        assertThat(shown.path("user_id").asText()).isEqualTo("auth0|" + alice.userId());
        assertThat(shown.path("identities").get(0).path("connection").asText()).isEqualTo(connection);
    }

    @Test
    void unknown_ids_and_ids_without_the_auth0_prefix_are_inexistent_users() throws Exception {
        User alice = alice();

        refused("/api/v2/users/" + encoded("auth0|nobody-" + UUID.randomUUID()), reader, 404, "inexistent_user");
        refused("/api/v2/users/" + encoded(alice.userId()), reader, 404, "inexistent_user");
        refused("/api/v2/users/" + encoded("google-oauth2|" + alice.userId()), reader, 404, "inexistent_user");
    }

    @Test
    void an_id_that_two_connections_hand_out_is_a_conflict_not_a_guess() throws Exception {
        String id = "shared-" + UUID.randomUUID();
        store.create(NewUser.of(connection, id, UserSource.SIGNED_UP));
        store.create(NewUser.of(connection + "-other", id, UserSource.SIGNED_UP));

        assertThat(refused("/api/v2/users/" + encoded("auth0|" + id), reader, 409, "ambiguous_user_id")
                .path("message").asText()).contains("2 connections");
    }

    @Test
    void users_by_email_lists_every_connection_in_any_case() throws Exception {
        User alice = alice();
        User twin = store.create(NewUser.of(connection + "-other", "twin-" + UUID.randomUUID(),
                UserSource.SIGNED_UP).withEmail(email, false));

        JsonNode found = ok("/api/v2/users-by-email?email=" + encoded(email.toUpperCase(java.util.Locale.ROOT)));
        JsonNode nobody = ok("/api/v2/users-by-email?email=" + encoded("nobody@example.com"));
        JsonNode unstorable = ok("/api/v2/users-by-email?email=" + encoded(" " + email));

        assertThat(ids(found)).containsExactlyInAnyOrder("auth0|" + alice.userId(), "auth0|" + twin.userId());
        assertThat(nobody.isArray()).isTrue();
        assertThat(nobody).isEmpty();
        assertThat(unstorable).isEmpty();
        refused("/api/v2/users-by-email", reader, 400, "invalid_query_string");
    }

    @Test
    void every_route_wants_a_valid_bearer_token() throws Exception {
        User alice = alice();
        for (String path : List.of("/api/v2/users", "/api/v2/users/" + encoded("auth0|" + alice.userId()),
                "/api/v2/users-by-email?email=alice@example.com")) {
            refused(path, null, 401, "invalid_token");
            refused(path, "not-a-jwt", 401, "invalid_token");
        }
    }

    @Test
    void every_route_wants_read_users() throws Exception {
        User alice = alice();
        for (String path : List.of("/api/v2/users", "/api/v2/users/" + encoded("auth0|" + alice.userId()),
                "/api/v2/users-by-email?email=alice@example.com")) {
            assertThat(refused(path, connectionsOnly, 403, "insufficient_scope").path("message").asText())
                    .contains("read:users");
        }
    }
}
