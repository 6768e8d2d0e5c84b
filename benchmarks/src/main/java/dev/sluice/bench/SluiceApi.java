package dev.sluice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The HTTP calls of the login driver, as an operator and an application would make them: the admin's
 * client-credentials token, a client and a connection through the Management API, the user count, and the
 * password-realm login. Every call is blocking; any unexpected status fails with the status and the response body
 * (which never holds a password: the server does not echo them).
 */
final class SluiceApi {

    static final String PASSWORD_REALM = "http://auth0.com/oauth/grant-type/password-realm";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;

    SluiceApi(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** A Management API token of the bootstrap admin client (every scope). */
    String adminToken(String clientId, String clientSecret) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("grant_type", "client_credentials").put("client_id", clientId)
                .put("client_secret", clientSecret).put("audience", base + "api/v2/");
        return send(post("oauth/token", body).build(), 200).path("access_token").asText();
    }

    /** Creates a confidential client allowed the password-realm grant; answers its {client_id, client_secret}. */
    JsonNode createClient(String token, String name) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("app_type", "regular_web")
                .put("token_endpoint_auth_method", "client_secret_post");
        body.putArray("grant_types").add(PASSWORD_REALM);
        return send(authorized(post("api/v2/clients", body), token), 201);
    }

    /**
     * Creates an import-mode database connection (lazy migration) with this login script and configuration, enabled
     * for {@code clientId} only.
     */
    void createConnection(String token, String name, String loginScript, Map<String, String> configuration,
            String clientId) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("strategy", "auth0");
        body.putArray("enabled_clients").add(clientId);
        ObjectNode options = body.putObject("options").put("enabledDatabaseCustomization", true)
                .put("import_mode", true);
        options.putObject("customScripts").put("login", loginScript);
        ObjectNode config = options.putObject("configuration");
        configuration.forEach(config::put);
        send(authorized(post("api/v2/connections", body), token), 201);
    }

    /** How many users the own store holds ({@code GET /api/v2/users?include_totals=true}). */
    long userCount(String token) throws IOException, InterruptedException {
        HttpRequest request = authorized(HttpRequest.newBuilder(base.resolve(
                "api/v2/users?per_page=1&include_totals=true")).timeout(TIMEOUT).GET(), token);
        return send(request, 200).path("total").asLong(-1);
    }

    /** The Truffle runtime {@code /health} reports. */
    String truffleRuntime() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("health")).timeout(TIMEOUT).GET().build(), 200)
                .path("truffleRuntime").asText();
    }

    /**
     * A prepared password-realm login for one client and connection: {@link Login#send} posts the form and fails
     * unless the answer is 200 with an access token.
     */
    Login login(String clientId, String clientSecret, String realm) {
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put("grant_type", PASSWORD_REALM);
        fixed.put("realm", realm);
        fixed.put("client_id", clientId);
        fixed.put("client_secret", clientSecret);
        return new Login(base.resolve("oauth/token"), form(fixed));
    }

    /**
     * One login request shape; thread-safe. Each calling thread keeps its own keep-alive connection and speaks
     * minimal HTTP/1.1 over it (a request with {@code Content-Length}, a response read by its {@code Content-Length},
     * which the server always sends): the load generator shares the server's 2 cores. With {@code java.net.http}
     * the driver took ≈ 6 % of the machine during the migrated phases (≈ 7 ms of CPU per login, its JIT included,
     * from {@code /proc/<pid>/stat}); with this, 0.5 %.
     */
    record Login(URI tokenEndpoint, String fixedForm, ThreadLocal<RawHttp> connections) {

        Login(URI tokenEndpoint, String fixedForm) {
            this(tokenEndpoint, fixedForm, new ThreadLocal<>());
        }

        /** Logs {@code username} in with {@code password}; blocking. */
        void send(String username, String password) throws IOException {
            String body = fixedForm + "&" + form(Map.of("username", username, "password", password));
            RawHttp connection = connections.get();
            if (connection == null) {
                connection = new RawHttp(tokenEndpoint, TIMEOUT);
                connections.set(connection);
            }
            RawHttp.Response response;
            try {
                response = connection.postForm(tokenEndpoint.getRawPath(), body);
            } catch (IOException e) {
                connections.remove();
                connection.close();
                throw e;
            }
            if (response.status() != 200 || !response.body().contains("\"access_token\"")) {
                throw new IllegalStateException("login of " + username + " answered " + response.status() + ": "
                        + response.body());
            }
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private HttpRequest.Builder post(String path, JsonNode body) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private static HttpRequest authorized(HttpRequest.Builder request, String token) {
        return request.header("Authorization", "Bearer " + token).build();
    }

    private JsonNode send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + " (expected " + expected + "): " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
