package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.cli.SandboxScriptValidator;
import dev.sluice.client.ClientStore;
import dev.sluice.config.AdminClientConfig;
import dev.sluice.config.IssuerConfig;
import dev.sluice.connection.ConfigurationCipher;
import dev.sluice.connection.Connections;
import dev.sluice.connection.JdbcConnectionStore;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.RuntimeSettings;
import dev.sluice.sandbox.ScriptPolicy;
import dev.sluice.sandbox.modules.Modules;
import dev.sluice.store.Database;
import dev.sluice.store.StoreSettings;
import dev.sluice.token.AccessTokenRequest;
import dev.sluice.token.FileSigningKeyStore;
import dev.sluice.token.Jwks;
import dev.sluice.token.SigningKeys;
import dev.sluice.token.TokenIssuer;
import dev.sluice.token.TokenSettings;
import dev.sluice.token.TokenVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection routes through the real server ({@link SluiceHttpServer}, {@link SluiceRouter}), on embedded H2,
 * the real sandbox validator (GraalJS) and real bearer tokens checked by {@link ManagementAuth}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionRoutesTest {

    private static final String ISSUER = "https://sluice.test/";
    private static final String LOGIN = "function login(email, password, callback) { callback(null, null); }";

    @TempDir
    static Path temporaryDirectory;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Database database;
    private GraalScriptRunner runner;
    private SluiceHttpServer server;
    private String admin;
    private String readOnly;

    @BeforeAll
    void start() throws Exception {
        database = Database.open(StoreSettings.embedded(temporaryDirectory));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        runner = new GraalScriptRunner(RuntimeSettings.defaults(), Modules.builtIn());
        Connections connections = new Connections(new JdbcConnectionStore(database.dataSource(), database.dialect(),
                new ConfigurationCipher(new SecretKeySpec(key, "AES")), Clock.systemUTC()),
                new SandboxScriptValidator(runner, ScriptPolicy.defaults()));
        TokenSettings settings = TokenSettings.defaults(ISSUER);
        SigningKeys keys = SigningKeys.open(new FileSigningKeyStore(temporaryDirectory, key), Clock.systemUTC(), 2);
        TokenIssuer issuer = new TokenIssuer(keys, settings, Clock.systemUTC());
        admin = issuer.accessToken(AccessTokenRequest.clientCredentials("cli_admin", settings.managementAudience(),
                List.of("read:connections", "create:connections", "update:connections", "delete:connections")))
                .value();
        readOnly = issuer.accessToken(AccessTokenRequest.clientCredentials("cli_reader",
                settings.managementAudience(), List.of("read:connections"))).value();
        OAuthServices oauth = new OAuthServices(issuer, new TokenVerifier(keys, settings, Clock.systemUTC()),
                new ClientStore(database.dataSource(), new SecretKeySpec(key, "AES"), new SecureRandom(),
                        Clock.systemUTC()),
                new AdminClientConfig("cli_bootstrap", "bootstrap-secret-0123456789abcdef", Optional.empty()));
        // The real server and router, with a body limit above the sandbox's 100 KiB script limit.
        server = SluiceHttpServer.start(new HttpSettings(0, 1 << 20), IssuerConfig.parse(ISSUER), new Jwks(keys),
                () -> new Health(true, "Interpreted", List.of()),
                RouteGroups.none().withOAuth(oauth).withConnections(connections));
    }

    @AfterAll
    void stop() {
        server.close();
        runner.close();
        database.close();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + path)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return send("POST", "/api/v2/connections", admin, body);
    }

    private String body(String name, String scriptKey, String script) throws Exception {
        ObjectNode body = json.createObjectNode().put("name", name).put("strategy", "auth0");
        ObjectNode options = body.putObject("options").put("enabledDatabaseCustomization", true);
        options.putObject("customScripts").put(scriptKey, script);
        options.putObject("configuration").put("DB_PASSWORD", "hunter2-very-secret");
        return json.writeValueAsString(body);
    }

    private long rows(String table) throws Exception {
        try (java.sql.Connection sql = database.dataSource().getConnection();
             Statement statement = sql.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void assertRefused(HttpResponse<String> response, int status, String code, String message)
            throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("statusCode").asInt()).isEqualTo(status);
        assertThat(body.path("errorCode").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).isEqualTo(message);
    }

    private void assertRefusedAndNothingStored(HttpResponse<String> response, String message) throws Exception {
        long connections = rows("connections");
        long scripts = rows("connection_scripts");
        long configuration = rows("connection_configuration");
        assertRefused(response, 400, "invalid_body", message);
        assertThat(json.readTree(response.body()).path("error").asText()).isEqualTo("Bad Request");
        assertThat(rows("connections")).isEqualTo(connections);
        assertThat(rows("connection_scripts")).isEqualTo(scripts);
        assertThat(rows("connection_configuration")).isEqualTo(configuration);
    }

    @Test
    void a_created_connection_is_201_and_reads_back_without_its_configuration() throws Exception {
        HttpResponse<String> created = post(body("legacy-db", "login", LOGIN));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode connection = json.readTree(created.body());
        assertThat(connection.path("id").asText()).startsWith("con_");
        assertThat(connection.path("options").path("customScripts").path("login").asText()).isEqualTo(LOGIN);
        assertThat(connection.path("options").has("configuration")).isFalse();
        assertThat(created.body()).doesNotContain("hunter2");
        HttpResponse<String> read = send("GET", "/api/v2/connections/" + connection.path("id").asText(), readOnly,
                null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json.readTree(read.body())).isEqualTo(connection);
        try (java.sql.Connection sql = database.dataSource().getConnection();
             Statement statement = sql.createStatement();
             ResultSet rows = statement.executeQuery("SELECT value_encrypted FROM connection_configuration")) {
            while (rows.next()) {
                assertThat(rows.getString(1)).doesNotContain("hunter2");
            }
        }
    }

    @Test
    void an_unknown_script_key_is_a_400_naming_it() throws Exception {
        assertRefusedAndNothingStored(post(body("db-unknown", "logon", LOGIN)),
                "unknown script key 'logon'; the keys are login, get_user, create, verify, change_password, delete,"
                        + " change_email");
    }

    @Test
    void a_script_that_does_not_parse_is_a_400_naming_the_key_and_line() throws Exception {
        HttpResponse<String> response = post(body("db-syntax", "get_user",
                "function getUser(email, callback) {\n  callback(null, {;\n}"));

        assertRefusedAndNothingStored(response,
                "script 'get_user' does not parse at line 2: SyntaxError: get_user.js:2:18 Expected ident but found ;\n"
                        + "  callback(null, {;\n" + " ".repeat(18) + "^\n");
    }

    @Test
    void an_oversize_script_is_a_400_naming_the_key() throws Exception {
        String big = "function login(email, password, callback) {\n" + "//".repeat(60_000) + "\n}";

        assertRefusedAndNothingStored(post(body("db-big", "login", big)),
                "script 'login' is " + big.length() + " bytes; the limit (scriptBytes) is 102400");
    }

    @Test
    void missing_names_other_strategies_and_taken_names_are_refused() throws Exception {
        assertRefusedAndNothingStored(post("{\"strategy\":\"auth0\"}"),
                "Payload validation error: Missing required property: name");
        assertRefusedAndNothingStored(post("{\"name\":\"db-x\",\"strategy\":\"google-oauth2\"}"),
                "Payload validation error: strategy must be 'auth0' (the only strategy Sluice serves)");
        assertRefusedAndNothingStored(post("{\"name\":\"db-x\"}"),
                "Payload validation error: Missing required property: strategy");
        assertThat(post(body("db-taken", "login", LOGIN)).statusCode()).isEqualTo(201);
        long before = rows("connections");

        assertRefused(post(body("db-taken", "login", LOGIN)), 409, "connection_exists",
                "A connection with the same name already exists");
        assertThat(rows("connections")).isEqualTo(before);
    }

    @Test
    void a_patch_with_options_replaces_them_all_and_a_bad_script_changes_nothing() throws Exception {
        String id = json.readTree(post(body("db-patch", "login", LOGIN)).body()).path("id").asText();

        HttpResponse<String> patched = send("PATCH", "/api/v2/connections/" + id, admin,
                "{\"options\":{\"customScripts\":{\"create\":"
                        + "\"function create(user, callback) { callback(null); }\"}}}");
        assertThat(patched.statusCode()).isEqualTo(200);
        JsonNode options = json.readTree(patched.body()).path("options");
        assertThat(options.path("customScripts").has("login")).isFalse();
        assertThat(options.has("enabledDatabaseCustomization")).isFalse();

        HttpResponse<String> refused = send("PATCH", "/api/v2/connections/" + id, admin,
                "{\"options\":{\"customScripts\":{\"login\":\"function login(e, p, cb) {\\n  var = 1;\\n}\"}}}");
        assertRefused(refused, 400, "invalid_body",
                "script 'login' does not parse at line 2: SyntaxError: login.js:2:6 expected BindingIdentifier or"
                        + " BindingPattern\n  var = 1;\n" + " ".repeat(6) + "^\n");
        assertThat(json.readTree(send("GET", "/api/v2/connections/" + id, admin, null).body()))
                .isEqualTo(json.readTree(patched.body()));
    }

    @Test
    void absent_connections_are_404_and_delete_is_202() throws Exception {
        String id = json.readTree(post(body("db-delete", "login", LOGIN)).body()).path("id").asText();

        assertThat(send("DELETE", "/api/v2/connections/" + id, admin, null).statusCode()).isEqualTo(202);
        assertRefused(send("GET", "/api/v2/connections/" + id, admin, null), 404, "inexistent_connection",
                "The connection does not exist");
        assertRefused(send("DELETE", "/api/v2/connections/" + id, admin, null), 404, "inexistent_connection",
                "The connection does not exist");
        assertRefused(send("PATCH", "/api/v2/connections/" + id, admin, "{}"), 404, "inexistent_connection",
                "The connection does not exist");
    }

    @Test
    void lists_are_bare_arrays_with_totals_or_checkpoints_on_request() throws Exception {
        for (int i = 0; i < 3; i++) {
            post(body("db-list-" + i, "login", LOGIN));
        }
        long total = rows("connections");

        JsonNode bare = json.readTree(send("GET", "/api/v2/connections", readOnly, null).body());
        assertThat(bare.isArray()).isTrue();
        assertThat(bare.size()).isEqualTo((int) total);
        JsonNode totals = json.readTree(send("GET", "/api/v2/connections?include_totals=true&per_page=2&page=0",
                readOnly, null).body());
        assertThat(totals.path("connections").size()).isEqualTo(2);
        assertThat(totals.path("start").asInt()).isZero();
        assertThat(totals.path("limit").asInt()).isEqualTo(2);
        assertThat(totals.path("length").asInt()).isEqualTo(2);
        assertThat(totals.path("total").asLong()).isEqualTo(total);
        JsonNode first = json.readTree(send("GET", "/api/v2/connections?take=2", readOnly, null).body());
        assertThat(first.path("connections").size()).isEqualTo(2);
        JsonNode second = json.readTree(send("GET", "/api/v2/connections?take=100&from="
                + first.path("next").asText(), readOnly, null).body());
        assertThat(second.path("connections").size()).isEqualTo((int) total - 2);
        assertThat(second.has("next")).isFalse();
    }

    @Test
    void writes_need_their_scope_and_reads_need_a_token() throws Exception {
        assertRefused(send("POST", "/api/v2/connections", readOnly, body("db-scope", "login", LOGIN)), 403,
                "insufficient_scope", "Insufficient scope, expected any of: create:connections");
        assertThat(send("GET", "/api/v2/connections", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void bodies_that_are_not_connection_objects_are_400() throws Exception {
        assertRefusedAndNothingStored(post("{\"name\":"), "Payload validation error: The request body is not valid JSON.");
        assertRefusedAndNothingStored(post("[]"), "Payload validation error: The request body must be a JSON object.");
        assertRefusedAndNothingStored(post("{\"name\":\"db-extra\",\"strategy\":\"auth0\",\"colour\":1}"),
                "Payload validation error: Additional properties not allowed: colour");
        assertRefusedAndNothingStored(post("{\"name\":\"db-flag\",\"strategy\":\"auth0\","
                        + "\"options\":{\"import_mode\":\"yes\"}}"),
                "Payload validation error: options.import_mode must be a boolean");
        assertRefusedAndNothingStored(post("{\"name\":\"db-conf\",\"strategy\":\"auth0\","
                        + "\"options\":{\"configuration\":{\"PORT\":3306}}}"),
                "Payload validation error: options.configuration.PORT must be a string");
    }
}
