package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.config.ConfigLoader;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on every route of the server as {@code bin/sluice serve} wires it ({@link ServerNode}, embedded H2, the
 * real sandbox): malformed JSON, wrong types, missing fields, unknown grant types, oversize and hostile bodies each
 * get their precise 4xx with a JSON error body, never a 500 and never a stack trace; and nothing is half-created.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    private static final int MAX_BODY = 8192;
    private static final String JSON_TYPE = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String ADMIN_ID = "bad-input-admin";
    private static final String ADMIN_SECRET = "bad-input-admin-secret-0123456789";
    private static final String REALM = "GRANT=http://auth0.com/oauth/grant-type/password-realm";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path data;

    private ServerNode node;
    private String bearer;
    private String clientId;
    private String connectionId;

    /**
     * One request and the answer it must get.
     *
     * @param method HTTP method
     * @param path path and query; {@code {client}} and {@code {connection}} are replaced by existing ids
     * @param type Content-Type, or null
     * @param body the body, or null
     * @param status the expected status
     * @param error the expected {@code errorCode} (Management API), {@code error} (Authentication API) or
     *              {@code code} (signup)
     */
    record Case(String method, String path, String type, String body, int status, String error) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 60 ? body.substring(0, 60) + "…(" + body.length() + ")"
                    : body;
            return method + " " + path + " " + shown;
        }
    }

    @BeforeAll
    void start() throws Exception {
        node = ServerNode.start(ConfigLoader.load(Map.of(
                "SLUICE_PORT", String.valueOf(freePort()),
                "SLUICE_DATA", data.toString(),
                "SLUICE_ADMIN_CLIENT_ID", ADMIN_ID,
                "SLUICE_ADMIN_CLIENT_SECRET", ADMIN_SECRET,
                "SLUICE_BCRYPT_COST", "4",
                "SLUICE_MAX_BODY_BYTES", String.valueOf(MAX_BODY)), data));
        HttpResponse<String> token = send("POST", "/oauth/token", JSON_TYPE, JSON.createObjectNode()
                .put("grant_type", "client_credentials").put("client_id", ADMIN_ID).put("client_secret", ADMIN_SECRET)
                .put("audience", "http://localhost:" + node.port() + "/api/v2/").toString(), null);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        bearer = "Bearer " + JSON.readTree(token.body()).get("access_token").asText();
        HttpResponse<String> client = send("POST", "/api/v2/clients", JSON_TYPE,
                "{\"name\":\"app\",\"grant_types\":[\"" + REALM.substring(6) + "\"]}", bearer);
        assertThat(client.statusCode()).as(client.body()).isEqualTo(201);
        clientId = JSON.readTree(client.body()).get("client_id").asText();
        HttpResponse<String> connection = send("POST", "/api/v2/connections", JSON_TYPE, """
                {"name":"legacy","strategy":"auth0","options":{"enabledDatabaseCustomization":true,"import_mode":true,
                 "customScripts":{"login":"function login(u, p, cb) { cb(new WrongUsernameOrPasswordError(u)); }",
                  "get_user":"function getUser(u, cb) { cb(null); }"}}}""", bearer);
        assertThat(connection.statusCode()).as(connection.body()).isEqualTo(201);
        connectionId = JSON.readTree(connection.body()).get("id").asText();
    }

    @AfterAll
    void stop() {
        node.close();
    }

    Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String oversize = "{\"name\":\"" + "x".repeat(MAX_BODY) + "\"}";
        String deep = "[".repeat(5_000);
        String deepObject = "{\"name\":" + "{\"a\":".repeat(1_100) + "1" + "}".repeat(1_100) + "}";
        String hugeNumber = "{\"name\":1" + "0".repeat(4_000) + "}";
        // The token endpoint (Authentication API shape: error).
        for (String body : new String[] {"{", "[]", "\"grant\"", "null", deep, "{\"grant_type\":5}",
                "{\"grant_type\":[\"client_credentials\"]}", "{}", "{\"grant_type\":\"client_credentials\"}",
                "{\"grant_type\":\"" + REALM.substring(6) + "\",\"client_id\":\"x\"}",
                "{\"grant_type\":\"" + REALM.substring(6) + "\",\"username\":{},\"password\":\"p\",\"realm\":\"r\"}"}) {
            cases.add(new Case("POST", "/oauth/token", JSON_TYPE, body, 400, "invalid_request"));
        }
        cases.add(new Case("POST", "/oauth/token", JSON_TYPE, "{\"grant_type\":\"refresh_token\"}", 400,
                "unsupported_grant_type"));
        cases.add(new Case("POST", "/oauth/token", FORM, "grant_type=client_credentials&grant_type=password", 400,
                "invalid_request"));
        cases.add(new Case("POST", "/oauth/token", FORM, "grant_type=%ZZ", 400, "invalid_request"));
        cases.add(new Case("POST", "/oauth/token", "text/plain", "grant_type=client_credentials", 400,
                "invalid_request"));
        cases.add(new Case("POST", "/oauth/token", null, null, 400, "invalid_request"));
        cases.add(new Case("POST", "/oauth/token", JSON_TYPE, oversize, 413, "request_entity_too_large"));
        cases.add(new Case("POST", "/oauth/token", JSON_TYPE, "{\"grant_type\":\"\\u0000\"}", 400,
                "unsupported_grant_type"));
        cases.add(new Case("POST", "/oauth/token", JSON_TYPE, "{\"grant_type\":\"\u0000\"}", 400, "invalid_request"));
        cases.add(new Case("POST", "/oauth/token", JSON_TYPE, "{\"grant_type\":\"client_credentials\"} trailing", 400,
                "invalid_request"));
        // The Management API (errorCode).
        for (String path : new String[] {"/api/v2/clients", "/api/v2/clients/{client}", "/api/v2/connections",
                "/api/v2/connections/{connection}", "/api/v2/client-grants", "/api/v2/client-grants/cgr_{client}"}) {
            String method = path.contains("{") ? "PATCH" : "POST";
            for (String body : new String[] {"{", "[]", "7", "null", deep, deepObject, hugeNumber, "{\"name\":5}",
                    "{\"name\":[\"a\"]}", "{\"unknown_field\":true}", "{\"name\":\"ok\"} {\"name\":\"two\"}"}) {
                cases.add(new Case(method, path, JSON_TYPE, body, 400, "invalid_body"));
            }
            cases.add(new Case(method, path, JSON_TYPE, oversize, 413, "request_entity_too_large"));
            cases.add(new Case(method, path, "text/plain", "{\"name\":\"x\"}", 415, "unsupported_media_type"));
            cases.add(new Case(method, path, null, "{\"name\":\"x\"}", 415, "unsupported_media_type"));
        }
        cases.add(new Case("POST", "/api/v2/clients", JSON_TYPE, "{\"name\":\"a\",\"grant_types\":\"password\"}",
                400, "invalid_body"));
        cases.add(new Case("POST", "/api/v2/clients", JSON_TYPE, "{\"name\":\"a\",\"app_type\":7}", 400,
                "invalid_body"));
        cases.add(new Case("POST", "/api/v2/clients", JSON_TYPE, "{}", 400, "invalid_body"));
        cases.add(new Case("POST", "/api/v2/client-grants", JSON_TYPE, "{\"client_id\":\"{client}\",\"audience\":"
                + "\"x\",\"scope\":\"read:users\"}", 400, "invalid_body"));
        cases.add(new Case("POST", "/api/v2/connections", JSON_TYPE, "{\"strategy\":\"auth0\"}", 400,
                "invalid_body"));
        cases.add(new Case("POST", "/api/v2/connections", JSON_TYPE, "{\"name\":\"c\",\"strategy\":\"google\"}",
                400, "invalid_body"));
        cases.add(new Case("POST", "/api/v2/connections", JSON_TYPE, "{\"name\":\"c\",\"options\":\"x\"}",
                400, "invalid_body"));
        cases.add(new Case("POST", "/api/v2/connections", JSON_TYPE,
                "{\"name\":\"c\",\"options\":{\"customScripts\":{\"login\":5}}}", 400, "invalid_body"));
        cases.add(new Case("POST", "/api/v2/connections", JSON_TYPE,
                "{\"name\":\"c\",\"options\":{\"customScripts\":{\"bogus\":\"function f() {}\"}}}", 400,
                "invalid_body"));
        cases.add(new Case("POST", "/api/v2/connections", JSON_TYPE,
                "{\"name\":\"c\",\"options\":{\"customScripts\":{\"login\":\"function login( {\"}}}", 400,
                "invalid_body"));
        cases.add(new Case("POST", "/api/v2/connections", JSON_TYPE,
                "{\"name\":\"c\",\"options\":{\"configuration\":{\"K\":5}}}", 400, "invalid_body"));
        cases.add(new Case("POST", "/api/v2/connections", JSON_TYPE, "{\"name\":\"c\",\"enabled_clients\":\"x\"}",
                400, "invalid_body"));
        cases.add(new Case("POST", "/api/v2/connections", JSON_TYPE, "{\"name\":\"legacy\",\"strategy\":\"auth0\"}",
                409, "connection_exists"));
        cases.add(new Case("PATCH", "/api/v2/clients/nope", JSON_TYPE, "{\"name\":\"x\"}", 404,
                "inexistent_client"));
        cases.add(new Case("PATCH", "/api/v2/connections/con_nope", JSON_TYPE, "{\"name\":\"x\"}", 404,
                "inexistent_connection"));
        cases.add(new Case("GET", "/api/v2/users?page=abc", null, null, 400, "invalid_query_string"));
        cases.add(new Case("GET", "/api/v2/users?per_page=1000", null, null, 400, "invalid_query_string"));
        cases.add(new Case("GET", "/api/v2/users?page=-1", null, null, 400, "invalid_query_string"));
        cases.add(new Case("GET", "/api/v2/users?q=name:%22x%22", null, null, 400, "invalid_query_string"));
        cases.add(new Case("GET", "/api/v2/users?q=email:%22unclosed", null, null, 400, "invalid_query_string"));
        cases.add(new Case("GET", "/api/v2/users?page=99999999999999999999", null, null, 400,
                "invalid_query_string"));
        cases.add(new Case("GET", "/api/v2/users-by-email", null, null, 400, "invalid_query_string"));
        cases.add(new Case("GET", "/api/v2/clients?per_page=x", null, null, 400, "invalid_query_string"));
        cases.add(new Case("DELETE", "/api/v2/users", null, null, 405, "method_not_allowed"));
        cases.add(new Case("GET", "/api/v2/nothing-here", null, null, 404, "not_found"));
        // Signup (code).
        String signup = "{\"client_id\":\"{client}\",\"connection\":\"legacy\",\"email\":\"a@example.com\","
                + "\"password\":\"Secret-123!\"";
        for (String body : new String[] {"{", "[]", "null", deep, signup + ",\"email\":5}", signup
                + ",\"user_metadata\":\"x\"}", signup + ",\"name\":\"" + "n".repeat(301) + "\"}",
                "{\"client_id\":\"{client}\",\"connection\":\"legacy\",\"password\":\"Secret-123!\"}",
                "{\"client_id\":\"{client}\",\"connection\":\"legacy\",\"email\":\"a@example.com\"}"}) {
            cases.add(new Case("POST", "/dbconnections/signup", JSON_TYPE, body, 400, "invalid_request"));
        }
        cases.add(new Case("POST", "/dbconnections/signup", JSON_TYPE, signup.replace("\"legacy\"", "\"nope\"")
                + "}", 400, "invalid_request"));
        cases.add(new Case("POST", "/dbconnections/signup", JSON_TYPE, oversize, 413, "request_entity_too_large"));
        cases.add(new Case("POST", "/dbconnections/signup", "text/plain", signup + "}", 400, "invalid_request"));
        cases.add(new Case("GET", "/dbconnections/signup", null, null, 405, "method_not_allowed"));
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void bad_input_gets_its_precise_4xx_with_a_json_error_and_no_stack_trace(Case bad) throws Exception {
        String path = bad.path().replace("{client}", clientId).replace("{connection}", connectionId);
        String body = bad.body() == null ? null : bad.body().replace("{client}", clientId);
        HttpResponse<String> response = send(bad.method(), path, bad.type(), body, path.startsWith("/api/v2")
                ? bearer : null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(bad.status());
        JsonNode error = JSON.readTree(response.body());
        String code = path.startsWith("/api/v2") ? error.path("errorCode").asText()
                : path.startsWith("/dbconnections") ? error.path("code").asText() : error.path("error").asText();
        assertThat(code).as(response.body()).isEqualTo(bad.error());
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.sluice");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
    }

    @Test
    void refused_writes_leave_nothing_behind() throws Exception {
        cases().forEach(bad -> {
            try {
                bad_input_gets_its_precise_4xx_with_a_json_error_and_no_stack_trace(bad);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });

        JsonNode clients = JSON.readTree(send("GET", "/api/v2/clients", null, null, bearer).body());
        JsonNode connections = JSON.readTree(send("GET", "/api/v2/connections", null, null, bearer).body());
        JsonNode users = JSON.readTree(send("GET", "/api/v2/users", null, null, bearer).body());
        assertThat(clients.findValuesAsText("name")).containsExactly("app");
        assertThat(connections.findValuesAsText("name")).containsExactly("legacy");
        assertThat(users).isEmpty();
        assertThat(JSON.readTree(send("GET", "/api/v2/client-grants", null, null, bearer).body())).isEmpty();
    }

    private HttpResponse<String> send(String method, String path, String type, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
