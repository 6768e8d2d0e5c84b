package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.client.ClientStore;
import dev.sluice.config.AdminClientConfig;
import dev.sluice.config.IssuerConfig;
import dev.sluice.store.Database;
import dev.sluice.store.StoreSettings;
import dev.sluice.token.FileSigningKeyStore;
import dev.sluice.token.Jwks;
import dev.sluice.token.SigningKeys;
import dev.sluice.token.TokenIssuer;
import dev.sluice.token.TokenSettings;
import dev.sluice.token.TokenVerifier;
import java.io.IOException;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client-credentials grant, Management API authentication and /api/v2/clients over real HTTP on embedded H2. */
class ManagementClientsTest {

    private static final String ISSUER = "https://auth.example.com/";
    private static final String AUDIENCE = ISSUER + "api/v2/";
    private static final String ADMIN_ID = "bootstrap-admin";
    private static final String ADMIN_SECRET = "bootstrap-admin-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path data;

    private static Database database;
    private static SluiceHttpServer server;
    private static String adminToken;

    @BeforeAll
    static void start() throws Exception {
        database = Database.open(StoreSettings.embedded(data));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SigningKeys keys = SigningKeys.open(new FileSigningKeyStore(data, key), Clock.systemUTC(), 1);
        TokenSettings tokens = TokenSettings.defaults(ISSUER);
        OAuthServices oauth = new OAuthServices(new TokenIssuer(keys, tokens, Clock.systemUTC()),
                new TokenVerifier(keys, tokens, Clock.systemUTC()),
                new ClientStore(database.dataSource(), new SecretKeySpec(key, "AES"), new SecureRandom(),
                        Clock.systemUTC()),
                new AdminClientConfig(ADMIN_ID, ADMIN_SECRET, Optional.empty()));
        server = SluiceHttpServer.start(new HttpSettings(0, 64 * 1024), IssuerConfig.parse(ISSUER), new Jwks(keys),
                () -> new Health(true, "Interpreted", List.of()), RouteGroups.none().withOAuth(oauth));
        adminToken = json(form(ADMIN_ID, ADMIN_SECRET, AUDIENCE)).get("access_token").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void discovery_lists_the_client_credentials_grant() throws Exception {
        assertThat(json(send("GET", "/.well-known/openid-configuration", null, null, null))
                .get("grant_types_supported").toString()).isEqualTo("[\"client_credentials\"]");
    }

    @Test
    void the_bootstrap_admin_gets_a_bearer_token_with_every_management_scope() throws Exception {
        HttpResponse<String> response = form(ADMIN_ID, ADMIN_SECRET, AUDIENCE);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(86400);
        assertThat(body.get("scope").asText().split(" ")).containsAll(ManagementAuth.ALL_SCOPES);
        assertThat(body.get("access_token").asText().split("\\.")).hasSize(3);
    }

    @Test
    void credentials_work_as_json_and_as_http_basic() throws Exception {
        String json = JSON.createObjectNode().put("grant_type", "client_credentials").put("client_id", ADMIN_ID)
                .put("client_secret", ADMIN_SECRET).put("audience", AUDIENCE).toString();
        String basic = "Basic " + Base64.getEncoder().encodeToString((ADMIN_ID + ":" + ADMIN_SECRET)
                .getBytes(StandardCharsets.UTF_8));

        assertThat(send("POST", "/oauth/token", "application/json", json, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/oauth/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&audience=" + encode(AUDIENCE), basic).statusCode()).isEqualTo(200);
    }

    @Test
    void a_requested_scope_narrows_the_token() throws Exception {
        HttpResponse<String> response = send("POST", "/oauth/token", "application/x-www-form-urlencoded",
                formBody(ADMIN_ID, ADMIN_SECRET, AUDIENCE) + "&scope=read%3Aclients", null);

        assertThat(json(response).get("scope").asText()).isEqualTo("read:clients");
    }

    @Test
    void wrong_or_unknown_clients_are_401_invalid_client() throws Exception {
        for (HttpResponse<String> response : List.of(form(ADMIN_ID, ADMIN_SECRET + "x", AUDIENCE),
                form("nobody", ADMIN_SECRET, AUDIENCE))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response).get("error").asText()).isEqualTo("invalid_client");
            assertThat(response.body()).doesNotContain(ADMIN_SECRET);
        }
    }

    @Test
    void missing_fields_are_400_invalid_request() throws Exception {
        HttpResponse<String> noSecret = send("POST", "/oauth/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=" + ADMIN_ID + "&audience=" + encode(AUDIENCE), null);
        HttpResponse<String> noAudience = send("POST", "/oauth/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=" + ADMIN_ID + "&client_secret=" + ADMIN_SECRET, null);

        assertThat(noSecret.statusCode()).isEqualTo(400);
        assertThat(json(noSecret).get("error_description").asText()).contains("client_secret");
        assertThat(noAudience.statusCode()).isEqualTo(400);
        assertThat(json(noAudience).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void another_audience_is_403_access_denied() throws Exception {
        HttpResponse<String> response = form(ADMIN_ID, ADMIN_SECRET, "https://api.example.com/");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("error").asText()).isEqualTo("access_denied");
        assertThat(json(response).get("error_description").asText()).contains("https://api.example.com/");
    }

    @Test
    void the_management_api_refuses_missing_and_invalid_tokens_with_401() throws Exception {
        HttpResponse<String> missing = send("GET", "/api/v2/clients", null, null, null);
        HttpResponse<String> invalid = send("GET", "/api/v2/clients", null, null, "Bearer not.a.token");

        for (HttpResponse<String> response : List.of(missing, invalid)) {
            assertThat(response.statusCode()).isEqualTo(401);
            JsonNode body = json(response);
            assertThat(body.get("statusCode").asInt()).isEqualTo(401);
            assertThat(body.get("error").asText()).isEqualTo("Unauthorized");
            assertThat(body.get("errorCode").asText()).isEqualTo("invalid_token");
            assertThat(response.headers().firstValue("www-authenticate")).contains("Bearer");
        }
    }

    @Test
    void a_token_without_the_scope_is_403_insufficient_scope() throws Exception {
        String readOnly = json(send("POST", "/oauth/token", "application/x-www-form-urlencoded",
                formBody(ADMIN_ID, ADMIN_SECRET, AUDIENCE) + "&scope=read%3Aclients", null))
                .get("access_token").asText();

        HttpResponse<String> response = send("POST", "/api/v2/clients", "application/json", "{\"name\":\"x\"}",
                "Bearer " + readOnly);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"statusCode\":403,\"error\":\"Forbidden\",\"message\":"
                + "\"Insufficient scope, expected any of: create:clients\",\"errorCode\":\"insufficient_scope\"}");
    }

    @Test
    void a_client_is_created_listed_read_updated_and_deleted() throws Exception {
        HttpResponse<String> created = admin("POST", "/api/v2/clients", "{\"name\":\"Billing\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode client = json(created);
        String id = client.get("client_id").asText();
        assertThat(client.get("client_secret").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(client.get("app_type").asText()).isEqualTo("regular_web");

        JsonNode list = json(admin("GET", "/api/v2/clients?per_page=100", null));
        assertThat(list.isArray()).isTrue();
        assertThat(list.findValuesAsText("client_id")).contains(id);
        JsonNode totals = json(admin("GET", "/api/v2/clients?include_totals=true&page=0&per_page=1", null));
        assertThat(totals.get("clients").size()).isEqualTo(1);
        assertThat(totals.get("limit").asInt()).isEqualTo(1);
        assertThat(totals.get("start").asInt()).isZero();
        assertThat(totals.get("length").asInt()).isEqualTo(1);
        assertThat(totals.get("total").asLong()).isGreaterThanOrEqualTo(1);

        JsonNode read = json(admin("GET", "/api/v2/clients/" + id, null));
        assertThat(read.get("client_secret").asText()).isEqualTo(client.get("client_secret").asText());

        HttpResponse<String> patched = admin("PATCH", "/api/v2/clients/" + id,
                "{\"name\":\"Billing 2\",\"grant_types\":[\"client_credentials\"]}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(json(patched).get("name").asText()).isEqualTo("Billing 2");

        assertThat(admin("DELETE", "/api/v2/clients/" + id, null).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = admin("GET", "/api/v2/clients/" + id, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).get("statusCode").asInt()).isEqualTo(404);
        assertThat(admin("DELETE", "/api/v2/clients/" + id, null).statusCode()).isEqualTo(404);
        assertThat(admin("PATCH", "/api/v2/clients/" + id, "{\"name\":\"x\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void a_created_client_authenticates_but_has_no_management_scopes() throws Exception {
        JsonNode client = json(admin("POST", "/api/v2/clients", "{\"name\":\"Worker\",\"app_type\":"
                + "\"non_interactive\",\"grant_types\":[\"client_credentials\"]}"));

        HttpResponse<String> response = form(client.get("client_id").asText(),
                client.get("client_secret").asText(), AUDIENCE);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("error").asText()).isEqualTo("access_denied");
    }

    @Test
    void a_client_grant_gives_a_client_the_scopes_its_tokens_carry_until_it_is_revoked() throws Exception {
        JsonNode client = json(admin("POST", "/api/v2/clients", "{\"name\":\"Deployer\",\"app_type\":"
                + "\"non_interactive\",\"grant_types\":[\"client_credentials\"]}"));
        String id = client.get("client_id").asText();
        String secret = client.get("client_secret").asText();

        HttpResponse<String> granted = admin("POST", "/api/v2/client-grants", "{\"client_id\":\"" + id
                + "\",\"audience\":\"" + AUDIENCE + "\",\"scope\":[\"read:clients\",\"create:clients\"]}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        assertThat(json(granted).get("id").asText()).isEqualTo("cgr_" + id);
        String token = json(form(id, secret, AUDIENCE)).get("access_token").asText();
        assertThat(send("GET", "/api/v2/clients", null, null, "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/v2/clients/" + id, null, null, "Bearer " + token).statusCode())
                .isEqualTo(403);
        assertThat(admin("POST", "/api/v2/client-grants", "{\"client_id\":\"" + id + "\",\"audience\":\""
                + AUDIENCE + "\",\"scope\":[\"read:clients\"]}").statusCode()).isEqualTo(409);
        assertThat(json(admin("GET", "/api/v2/client-grants?client_id=" + id, null)).findValuesAsText("id"))
                .containsExactly("cgr_" + id);
        JsonNode firstPage = json(admin("GET", "/api/v2/client-grants?include_totals=true&per_page=1", null));
        long grants = firstPage.get("total").asLong();
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < grants; page++) {
            JsonNode one = json(admin("GET", "/api/v2/client-grants?include_totals=true&per_page=1&page=" + page,
                    null));
            assertThat(one.get("client_grants")).hasSize(1);
            assertThat(one.get("total").asLong()).isEqualTo(grants);
            paged.add(one.get("client_grants").get(0).get("id").asText());
        }
        assertThat(paged).doesNotHaveDuplicates().contains("cgr_" + id)
                .containsExactlyInAnyOrderElementsOf(json(admin("GET", "/api/v2/client-grants?per_page=100", null))
                        .findValuesAsText("id"));

        HttpResponse<String> narrowed = admin("PATCH", "/api/v2/client-grants/cgr_" + id,
                "{\"scope\":[\"read:clients\"]}");
        assertThat(narrowed.statusCode()).as(narrowed.body()).isEqualTo(200);
        assertThat(json(form(id, secret, AUDIENCE)).get("scope").asText()).isEqualTo("read:clients");

        assertThat(admin("DELETE", "/api/v2/client-grants/cgr_" + id, null).statusCode()).isEqualTo(204);
        assertThat(form(id, secret, AUDIENCE).statusCode()).isEqualTo(403);
        assertThat(admin("DELETE", "/api/v2/client-grants/cgr_" + id, null).statusCode()).isEqualTo(404);
        assertThat(json(admin("GET", "/api/v2/client-grants?client_id=" + id, null))).isEmpty();
    }

    @Test
    void client_grants_refuse_unknown_scopes_audiences_and_clients() throws Exception {
        String id = json(admin("POST", "/api/v2/clients", "{\"name\":\"Refused\"}")).get("client_id").asText();
        String grant = "{\"client_id\":\"%s\",\"audience\":\"%s\",\"scope\":%s}";

        HttpResponse<String> unknownScope = admin("POST", "/api/v2/client-grants",
                grant.formatted(id, AUDIENCE, "[\"read:everything\"]"));
        HttpResponse<String> noScope = admin("POST", "/api/v2/client-grants", grant.formatted(id, AUDIENCE, "[]"));
        HttpResponse<String> otherApi = admin("POST", "/api/v2/client-grants",
                grant.formatted(id, "https://api.example.com/", "[\"read:clients\"]"));
        HttpResponse<String> noClient = admin("POST", "/api/v2/client-grants",
                grant.formatted("nobody", AUDIENCE, "[\"read:clients\"]"));

        assertThat(unknownScope.statusCode()).isEqualTo(400);
        assertThat(json(unknownScope).get("message").asText()).contains("read:everything");
        assertThat(noScope.statusCode()).isEqualTo(400);
        assertThat(json(otherApi).get("errorCode").asText()).isEqualTo("inexistent_resource_server");
        assertThat(json(noClient).get("errorCode").asText()).isEqualTo("inexistent_client");
        assertThat(admin("PATCH", "/api/v2/client-grants/cgr_" + id, "{\"scope\":[\"read:clients\"]}")
                .statusCode()).isEqualTo(404);
        assertThat(form(id, json(admin("GET", "/api/v2/clients/" + id, null)).get("client_secret").asText(),
                AUDIENCE).statusCode()).isEqualTo(403);
    }

    @Test
    void a_client_without_the_grant_is_403_unauthorized_client() throws Exception {
        JsonNode client = json(admin("POST", "/api/v2/clients", "{\"name\":\"Web\",\"grant_types\":"
                + "[\"authorization_code\"]}"));

        HttpResponse<String> response = form(client.get("client_id").asText(),
                client.get("client_secret").asText(), AUDIENCE);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("error").asText()).isEqualTo("unauthorized_client");
    }

    @Test
    void bad_bodies_and_queries_are_400_in_the_management_shape() throws Exception {
        List<HttpResponse<String>> responses = List.of(
                admin("POST", "/api/v2/clients", "{not json"),
                admin("POST", "/api/v2/clients", "[]"),
                admin("POST", "/api/v2/clients", "{}"),
                admin("POST", "/api/v2/clients", "{\"name\":42}"),
                admin("POST", "/api/v2/clients", "{\"name\":\"x\",\"grant_types\":\"password\"}"),
                admin("POST", "/api/v2/clients", "{\"name\":\"x\",\"app_type\":\"mainframe\"}"),
                admin("POST", "/api/v2/clients", "{\"name\":\"x\",\"colour\":\"red\"}"),
                admin("PATCH", "/api/v2/clients/abc", "{\"colour\":\"red\"}"),
                admin("GET", "/api/v2/clients?per_page=0", null),
                admin("GET", "/api/v2/clients?page=x", null));

        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(json(response).get("statusCode").asInt()).isEqualTo(400);
            assertThat(json(response).get("error").asText()).isEqualTo("Bad Request");
        }
    }

    @Test
    void patching_an_existing_client_with_an_invalid_value_is_400() throws Exception {
        String id = json(admin("POST", "/api/v2/clients", "{\"name\":\"Patchy\"}")).get("client_id").asText();

        HttpResponse<String> response = admin("PATCH", "/api/v2/clients/" + id, "{\"name\":\"\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errorCode").asText()).isEqualTo("invalid_body");
    }

    private static HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return send(method, path, body == null ? null : "application/json", body, "Bearer " + adminToken);
    }

    private static HttpResponse<String> form(String id, String secret, String audience) throws Exception {
        return send("POST", "/oauth/token", "application/x-www-form-urlencoded", formBody(id, secret, audience),
                null);
    }

    private static String formBody(String id, String secret, String audience) {
        return "grant_type=client_credentials&client_id=" + encode(id) + "&client_secret=" + encode(secret)
                + "&audience=" + encode(audience);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(String method, String path, String type, String body,
            String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
