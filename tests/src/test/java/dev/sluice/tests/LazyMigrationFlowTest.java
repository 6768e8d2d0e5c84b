package dev.sluice.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lazy-migration flows of CONTRACT.md §3 (docs/migration.md) over HTTP against a real {@code bin/sluice serve},
 * for a legacy {@code users} table in MariaDB and in PostgreSQL, each with the own store on embedded H2 and on
 * PostgreSQL: one server per combination. The client and the connections are made through the Management API; the
 * connections run the templates of {@code scripts-templates/mysql} or {@code scripts-templates/postgres} as they are,
 * except {@code legacy-extras}, whose login wraps the template's to refuse blocked users and return {@code metadata}.
 * Assertions read the own store through {@code GET /api/v2/users} and the legacy table through JDBC.
 */
@ParameterizedClass(name = "legacy on {0}, own store on {1}")
@MethodSource("combinations")
class LazyMigrationFlowTest {

    /** Where the legacy users live. */
    enum Legacy { MARIADB, POSTGRESQL }

    /** Where Sluice keeps its own store. */
    enum OwnStore { H2, POSTGRESQL }

    private static final String PASSWORD_REALM = "http://auth0.com/oauth/grant-type/password-realm";
    private static final String IMPORT = "legacy-import";
    private static final String LEGACY = "legacy-mode";
    private static final String EXTRAS = "legacy-extras";
    private static final String DOWN = "legacy-down";
    private static final String BLOCKED_MESSAGE = "This account is blocked; call the help desk.";
    private static final String WRONG_CREDENTIALS =
            "{\"error\":\"invalid_grant\",\"error_description\":\"Wrong email or password.\"}";
    /** Where no database listens (binding it needs root): the legacy store of {@code legacy-down} is down. */
    private static final int CLOSED_PORT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The template's login, plus what a legacy store may also say: a refusal, and data for app_metadata. */
    private static final String EXTRAS_LOGIN = """

            // Black-box tests: the template's login above, refusing blocked users and adding app_metadata.
            function login(email, password, callback) {
                if (email.indexOf('blocked') === 0) {
                    return callback(new UnauthorizedError('%s'));
                }
                templateLogin(email, password, function (err, profile) {
                    if (profile) {
                        profile.metadata = { plan: 'gold', legacy_id: profile.user_id };
                    }
                    callback(err, profile);
                });
            }
            """.formatted(BLOCKED_MESSAGE);

    private static Path temp;
    private static LegacyUserTable legacy;
    private static TestPostgres storeDatabase;
    private static String storeSchema;
    private static SluiceServer server;
    private static String bearer;
    private static String clientId;
    private static String clientSecret;

    /** Declares the class's parameters, as JUnit requires; the per-combination lifecycle methods consume them. */
    @Parameter(0)
    Legacy legacyDatabase;

    @Parameter(1)
    OwnStore ownStore;

    static Stream<Arguments> combinations() {
        return Stream.of(Legacy.values()).flatMap(l -> Stream.of(OwnStore.values()).map(s -> Arguments.of(l, s)));
    }

    @BeforeParameterizedClassInvocation
    static void start(Legacy legacyDatabase, OwnStore ownStore) throws Exception {
        temp = Files.createTempDirectory("sluice-flows");
        legacy = legacyDatabase == Legacy.MARIADB ? LegacyMysql.fromEnvironment() : LegacyPostgres.fromEnvironment();
        legacy.recreateUsersTable();
        Map<String, String> settings = new HashMap<>(Map.of("SLUICE_BCRYPT_COST", "4"));
        if (ownStore == OwnStore.POSTGRESQL) {
            storeDatabase = TestPostgres.fromEnvironment();
            storeSchema = "sluice_store_" + randomHex();
            storeDatabase.execute("CREATE SCHEMA " + storeSchema);
            settings.put("SLUICE_DB_URL", storeDatabase.jdbcUrl(storeSchema));
            settings.put("SLUICE_DB_USER", storeDatabase.user());
            settings.put("SLUICE_DB_PASSWORD", storeDatabase.password());
        }
        server = SluiceServer.start(temp, settings);
        bearer = server.managementToken();

        JsonNode client = created(server.send("POST", "/api/v2/clients", "application/json", JSON.writeValueAsString(
                Map.of("name", "Flows", "app_type", "regular_web", "token_endpoint_auth_method", "client_secret_post",
                        "grant_types", List.of(PASSWORD_REALM))), bearer));
        clientId = client.get("client_id").asText();
        clientSecret = client.get("client_secret").asText();

        Map<String, String> loginAndGetUser = templates("login", "get_user");
        createConnection(IMPORT, true, loginAndGetUser, legacy.configuration());
        createConnection(LEGACY, false, templates("login", "get_user", "create", "verify", "change_password",
                "delete", "change_email"), legacy.configuration());
        String templateLogin = loginAndGetUser.get("login");
        assertThat(templateLogin).contains("function login(");
        createConnection(EXTRAS, true, Map.of("login", templateLogin.replace("function login(",
                "function templateLogin(") + EXTRAS_LOGIN, "get_user", loginAndGetUser.get("get_user")),
                legacy.configuration());
        createConnection(DOWN, true, loginAndGetUser, legacy.configurationAt(CLOSED_PORT));
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            server = null;
            if (legacy != null) {
                legacy.dropUsersTable();
            }
            if (storeSchema != null) {
                storeDatabase.execute("DROP SCHEMA IF EXISTS " + storeSchema + " CASCADE");
                storeSchema = null;
            }
            deleteRecursively(temp);
        }
    }

    @Test
    void first_login_imports_the_user_who_then_never_reaches_the_script_again() throws Exception {
        String id = legacy.insertUser("ann", "Ann.Import@Example.COM", "first secret");

        HttpResponse<String> first = login(IMPORT, "Ann.Import@Example.COM", "first secret");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode tokens = JSON.readTree(first.body());
        assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("access_token").asText()).isNotBlank();
        JsonNode claims = claims(tokens.get("id_token").asText());
        assertThat(claims.get("sub").asText()).isEqualTo("auth0|" + id);
        assertThat(claims.get("email").asText()).isEqualTo("ann.import@example.com");
        assertThat(claims.get("aud").asText()).isEqualTo(clientId);
        JsonNode user = onlyUser("ann.import@example.com");
        assertThat(user.get("user_id").asText()).isEqualTo("auth0|" + id);
        assertThat(user.get("email").asText()).isEqualTo("ann.import@example.com");
        assertThat(user.get("nickname").asText()).isEqualTo("ann");
        assertThat(user.get("identities").get(0).get("connection").asText()).isEqualTo(IMPORT);
        assertThat(user.get("identities").get(0).get("user_id").asText()).isEqualTo(id);

        legacy.deleteUser("Ann.Import@Example.COM");
        assertThat(legacy.row("Ann.Import@Example.COM")).isEmpty();
        HttpResponse<String> again = login(IMPORT, "ann.import@example.com", "first secret");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(claims(JSON.readTree(again.body()).get("id_token").asText()).get("sub").asText())
                .isEqualTo("auth0|" + id);
        assertInvalidGrant(login(IMPORT, "ann.import@example.com", "first secret!"));
        assertThat(users("ann.import@example.com")).hasSize(1);
    }

    @Test
    void wrong_password_and_unknown_user_are_invalid_grant_and_create_nothing() throws Exception {
        legacy.insertUser("bob", "bob@example.com", "bob's secret");

        assertInvalidGrant(login(IMPORT, "bob@example.com", "not bob's secret"));
        assertInvalidGrant(login(IMPORT, "nobody@example.com", "bob's secret"));
        assertInvalidGrant(login(LEGACY, "bob@example.com", "not bob's secret"));

        assertThat(users("bob@example.com")).isEmpty();
        assertThat(users("nobody@example.com")).isEmpty();
    }

    @Test
    void concurrent_first_logins_of_one_user_create_one_user_and_all_succeed() throws Exception {
        String id = legacy.insertUser("cid", "cid@example.com", "cid's secret");
        int racers = 8;
        CountDownLatch ready = new CountDownLatch(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return login(IMPORT, "cid@example.com", "cid's secret");
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(120, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(claims(JSON.readTree(response.body()).get("id_token").asText()).get("sub").asText())
                        .isEqualTo("auth0|" + id);
            }
        }
        assertThat(onlyUser("cid@example.com").get("user_id").asText()).isEqualTo("auth0|" + id);
    }

    @Test
    void the_scripts_unauthorized_error_reaches_the_client_and_creates_nothing() throws Exception {
        legacy.insertUser("dan", "blocked.dan@example.com", "dan's secret");

        HttpResponse<String> refused = login(EXTRAS, "blocked.dan@example.com", "dan's secret");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body())).isEqualTo(JSON.readTree(JSON.writeValueAsString(
                Map.of("error", "unauthorized", "error_description", BLOCKED_MESSAGE))));
        assertThat(users("blocked.dan@example.com")).isEmpty();
    }

    @Test
    void the_scripts_metadata_becomes_app_metadata() throws Exception {
        String id = legacy.insertUser("eve", "eve@example.com", "eve's secret");

        HttpResponse<String> response = login(EXTRAS, "eve@example.com", "eve's secret");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode user = onlyUser("eve@example.com");
        assertThat(user.get("app_metadata")).isEqualTo(JSON.createObjectNode().put("plan", "gold")
                .put("legacy_id", id));
        assertThat(user.has("metadata")).isFalse();
    }

    @Test
    void a_failing_login_script_is_unavailable_and_creates_nothing() throws Exception {
        legacy.insertUser("fay", "fay@example.com", "fay's secret");

        HttpResponse<String> response = login(DOWN, "fay@example.com", "fay's secret");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(JSON.writeValueAsString(Map.of(
                "error", "temporarily_unavailable", "error_description", "The legacy user store did not answer."))));
        assertThat(users("fay@example.com")).isEmpty();
    }

    @Test
    void import_mode_signup_creates_the_user_in_the_own_store_only() throws Exception {
        HttpResponse<String> response = signup(IMPORT, "Gus@Example.com", "gus's secret");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        String id = body.get("_id").asText();
        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(body.get("email").asText()).isEqualTo("gus@example.com");
        assertThat(body.get("email_verified").asBoolean()).isFalse();
        assertThat(body.has("password")).isFalse();
        assertThat(onlyUser("gus@example.com").get("user_id").asText()).isEqualTo("auth0|" + id);
        assertThat(legacy.row("gus@example.com")).isEmpty();
        assertThat(legacy.row("Gus@Example.com")).isEmpty();

        HttpResponse<String> loggedIn = login(IMPORT, "gus@example.com", "gus's secret");
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(200);
        assertThat(claims(JSON.readTree(loggedIn.body()).get("id_token").asText()).get("sub").asText())
                .isEqualTo("auth0|" + id);
        assertUserExists(signup(IMPORT, "gus@example.com", "another secret"));
    }

    @Test
    void import_mode_signup_of_a_legacy_user_is_user_exists_and_creates_nothing() throws Exception {
        legacy.insertUser("hal", "hal@example.com", "hal's secret");

        assertUserExists(signup(IMPORT, "hal@example.com", "a new secret"));

        assertThat(users("hal@example.com")).isEmpty();
        assertThat(legacy.passwordMatches("hal@example.com", "hal's secret")).isTrue();
    }

    @Test
    void legacy_mode_asks_the_login_script_every_time() throws Exception {
        String id = legacy.insertUser("ida", "ida@example.com", "old secret");

        HttpResponse<String> first = login(LEGACY, "ida@example.com", "old secret");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(claims(JSON.readTree(first.body()).get("id_token").asText()).get("sub").asText())
                .isEqualTo("auth0|" + id);
        JsonNode cached = onlyUser("ida@example.com");
        assertThat(cached.get("user_id").asText()).isEqualTo("auth0|" + id);
        assertThat(cached.get("identities").get(0).get("connection").asText()).isEqualTo(LEGACY);

        legacy.setPassword("ida@example.com", "new secret");
        HttpResponse<String> changed = login(LEGACY, "ida@example.com", "new secret");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertInvalidGrant(login(LEGACY, "ida@example.com", "old secret"));

        legacy.deleteUser("ida@example.com");
        assertInvalidGrant(login(LEGACY, "ida@example.com", "new secret"));
        assertThat(users("ida@example.com")).hasSize(1);
    }

    @Test
    void legacy_mode_signup_creates_the_row_in_the_legacy_table_and_logs_in() throws Exception {
        HttpResponse<String> response = signup(LEGACY, "jo@example.com", "jo's secret");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> row = legacy.row("jo@example.com").orElseThrow();
        String id = row.get("id").toString();
        assertThat(JSON.readTree(response.body()).get("_id").asText()).isEqualTo(id);
        assertThat(row.get("nickname")).isEqualTo("jo");
        assertThat(legacy.passwordMatches("jo@example.com", "jo's secret")).isTrue();
        assertThat(onlyUser("jo@example.com").get("user_id").asText()).isEqualTo("auth0|" + id);

        HttpResponse<String> loggedIn = login(LEGACY, "jo@example.com", "jo's secret");
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(200);
        assertThat(claims(JSON.readTree(loggedIn.body()).get("id_token").asText()).get("sub").asText())
                .isEqualTo("auth0|" + id);
        assertUserExists(signup(LEGACY, "jo@example.com", "jo's other secret"));
        assertThat(legacy.passwordMatches("jo@example.com", "jo's secret")).isTrue();
    }

    private static HttpResponse<String> login(String realm, String username, String password)
            throws IOException, InterruptedException {
        return server.send("POST", "/oauth/token", "application/x-www-form-urlencoded",
                "grant_type=" + SluiceServer.encode(PASSWORD_REALM) + "&username=" + SluiceServer.encode(username)
                        + "&password=" + SluiceServer.encode(password) + "&realm=" + SluiceServer.encode(realm)
                        + "&client_id=" + SluiceServer.encode(clientId)
                        + "&client_secret=" + SluiceServer.encode(clientSecret)
                        + "&scope=" + SluiceServer.encode("openid profile email"), null);
    }

    private static HttpResponse<String> signup(String connection, String email, String password)
            throws IOException, InterruptedException {
        return server.send("POST", "/dbconnections/signup", "application/json", JSON.writeValueAsString(Map.of(
                "client_id", clientId, "email", email, "password", password, "connection", connection)), null);
    }

    /** The own store's users with this email, through the Management API. */
    private static JsonNode users(String email) throws IOException, InterruptedException {
        HttpResponse<String> response = server.send("GET", "/api/v2/users?q="
                + SluiceServer.encode("email:\"" + email + "\""), null, null, bearer);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode onlyUser(String email) throws IOException, InterruptedException {
        JsonNode users = users(email);
        assertThat(users).as(users.toString()).hasSize(1);
        return users.get(0);
    }

    private static void assertInvalidGrant(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(WRONG_CREDENTIALS));
    }

    private static void assertUserExists(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("name").asText()).isEqualTo("BadRequestError");
        assertThat(body.get("code").asText()).isEqualTo("user_exists");
        assertThat(body.get("description").asText()).isEqualTo("The user already exists.");
        assertThat(body.get("statusCode").asInt()).isEqualTo(400);
    }

    /** The payload of a JWT, decoded (the signature is the server's business; ServeTest checks the JWKS). */
    private static JsonNode claims(String jwt) throws IOException {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static JsonNode created(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static void createConnection(String name, boolean importMode, Map<String, String> scripts,
            Map<String, String> configuration) throws IOException, InterruptedException {
        ObjectNode options = JSON.createObjectNode().put("enabledDatabaseCustomization", true)
                .put("import_mode", importMode);
        options.set("customScripts", JSON.valueToTree(scripts));
        options.set("configuration", JSON.valueToTree(configuration));
        ObjectNode body = JSON.createObjectNode().put("name", name).put("strategy", "auth0");
        body.set("options", options);
        body.set("enabled_clients", JSON.createArrayNode().add(clientId));
        created(server.send("POST", "/api/v2/connections", "application/json", JSON.writeValueAsString(body), bearer));
    }

    /** The named scripts of the legacy table's template family, read from {@code scripts-templates/}. */
    private static Map<String, String> templates(String... keys) throws IOException {
        Map<String, String> scripts = new HashMap<>();
        for (String key : keys) {
            scripts.put(key, Files.readString(MysqlTemplates.repoRoot().resolve("scripts-templates")
                    .resolve(legacy.family()).resolve(key + ".js"), StandardCharsets.UTF_8));
        }
        return scripts;
    }

    private static String randomHex() {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
