package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.config.IssuerConfig;
import dev.sluice.store.Database;
import dev.sluice.store.StoreSettings;
import dev.sluice.token.FileSigningKeyStore;
import dev.sluice.token.Jwks;
import dev.sluice.token.SigningKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The router over real HTTP: a server on a free port, embedded H2 and a signing key in a temp data dir. */
class SluiceHttpServerTest {

    private static final int BODY_LIMIT = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path data;

    private static Database database;
    private static SigningKeys keys;
    private static SluiceHttpServer server;
    /** What the health check reports next; by default it asks the real database. */
    private static final AtomicReference<HealthCheck> health = new AtomicReference<>();

    @BeforeAll
    static void start() {
        database = Database.open(StoreSettings.embedded(data));
        byte[] keyEncryptionKey = new byte[32];
        new SecureRandom().nextBytes(keyEncryptionKey);
        keys = SigningKeys.open(new FileSigningKeyStore(data, keyEncryptionKey), Clock.systemUTC(), 1);
        server = SluiceHttpServer.start(new HttpSettings(0, BODY_LIMIT),
                IssuerConfig.parse("https://Auth.Example.com/tenant//"), new Jwks(keys),
                () -> health.get() == null ? databaseHealth() : health.get().check());
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    private static Health databaseHealth() {
        try (Connection connection = database.dataSource().getConnection()) {
            return new Health(connection.isValid(2), "Interpreted", List.of());
        } catch (SQLException e) {
            return new Health(false, "Interpreted", List.of("database"));
        }
    }

    @Test
    void health_answers_200_with_the_truffle_runtime_when_ready() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(json(response).get("status").asText()).isEqualTo("ok");
        assertThat(json(response).get("truffleRuntime").asText()).isEqualTo("Interpreted");
    }

    @Test
    void health_answers_503_with_the_problems_when_the_sandbox_is_unhealthy() throws Exception {
        health.set(() -> new Health(false, "Interpreted", List.of("a cancel did not complete within 5000 ms")));
        try {
            HttpResponse<String> response = get("/health");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(json(response).get("status").asText()).isEqualTo("unavailable");
            assertThat(json(response).get("problems").get(0).asText()).contains("cancel did not complete");
        } finally {
            health.set(null);
        }
    }

    @Test
    void an_unmapped_exception_is_a_bare_500_without_its_message_or_stack() throws Exception {
        health.set(() -> {
            throw new IllegalStateException("jdbc:postgresql://db/x?password=hunter2");
        });
        try {
            HttpResponse<String> response = get("/health");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEqualTo(
                    "{\"statusCode\":500,\"error\":\"Internal Server Error\",\"message\":\"internal error\"}");
        } finally {
            health.set(null);
        }
    }

    @Test
    void jwks_publishes_the_active_key_with_public_parts_only() throws Exception {
        HttpResponse<String> response = get("/.well-known/jwks.json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode key = json(response).get("keys").get(0);
        assertThat(json(response).get("keys")).hasSize(1);
        assertThat(key.get("kid").asText()).isEqualTo(keys.active().kid());
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.get("alg").asText()).isEqualTo("RS256");
        assertThat(key.get("use").asText()).isEqualTo("sig");
        assertThat(key.has("n") && key.has("e")).isTrue();
        assertThat(key.has("d") || key.has("p") || key.has("q")).isFalse();
    }

    @Test
    void openid_configuration_names_the_issuer_exactly_as_configured() throws Exception {
        HttpResponse<String> response = get("/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = json(response);
        assertThat(document.get("issuer").asText()).isEqualTo("https://auth.example.com/tenant/");
        assertThat(document.get("jwks_uri").asText())
                .isEqualTo("https://auth.example.com/tenant/.well-known/jwks.json");
        assertThat(document.get("token_endpoint").asText()).isEqualTo("https://auth.example.com/tenant/oauth/token");
        assertThat(document.get("userinfo_endpoint").asText()).isEqualTo("https://auth.example.com/tenant/userinfo");
        assertThat(document.get("subject_types_supported").toString()).isEqualTo("[\"public\"]");
        assertThat(document.get("id_token_signing_alg_values_supported").toString()).isEqualTo("[\"RS256\"]");
        assertThat(document.has("response_types_supported") && document.has("scopes_supported")
                && document.has("grant_types_supported")).isTrue();
    }

    @Test
    void unknown_routes_answer_404_in_the_shape_of_their_api() throws Exception {
        HttpResponse<String> authentication = get("/no/such/route");
        HttpResponse<String> management = get("/api/v2/no-such-resource");

        assertThat(authentication.statusCode()).isEqualTo(404);
        assertThat(json(authentication).get("error").asText()).isEqualTo("not_found");
        assertThat(json(authentication).has("error_description")).isTrue();
        assertThat(management.statusCode()).isEqualTo(404);
        assertThat(json(management).get("statusCode").asInt()).isEqualTo(404);
        assertThat(json(management).get("error").asText()).isEqualTo("Not Found");
        assertThat(json(management).get("errorCode").asText()).isEqualTo("not_found");
        assertThat(json(management).has("message")).isTrue();
    }

    @Test
    void a_wrong_method_on_a_known_route_answers_405_json() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/health"))
                .DELETE().build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(json(response).get("error").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void a_body_over_the_limit_is_refused_with_413_json() throws Exception {
        String justOver = "{\"grant_type\":\"" + "x".repeat(BODY_LIMIT) + "\"}";
        String muchOver = "{\"grant_type\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}";

        for (String body : List.of(justOver, muchOver)) {
            HttpResponse<String> response = postJson("/oauth/token", body);
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(json(response).get("error").asText()).isEqualTo("request_entity_too_large");
            assertThat(json(response).get("error_description").asText()).contains(String.valueOf(BODY_LIMIT));
        }
    }

    @Test
    void a_body_within_the_limit_reaches_the_route() throws Exception {
        String body = "{\"grant_type\":\"" + "x".repeat(BODY_LIMIT - 40) + "\"}";

        HttpResponse<String> response = postJson("/oauth/token", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void the_token_endpoint_refuses_an_empty_or_malformed_body_as_an_invalid_request() throws Exception {
        for (String body : List.of("", "{not json", "[1,2]", "{\"grant_type\":42}", "{}")) {
            HttpResponse<String> response = postJson("/oauth/token", body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json(response).get("error").asText()).as(body).isEqualTo("invalid_request");
            assertThat(json(response).get("error_description").asText()).as(body).isNotBlank();
        }
    }

    @Test
    void the_token_endpoint_reads_form_bodies_and_names_an_unsupported_grant() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=magic&client_id=abc")).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("unsupported_grant_type");
        assertThat(json(response).get("error_description").asText()).isEqualTo("Unsupported grant type: 'magic'");
    }

    @Test
    void the_token_endpoint_refuses_other_content_types() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/oauth/token"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=x")).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_request");
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private static HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
