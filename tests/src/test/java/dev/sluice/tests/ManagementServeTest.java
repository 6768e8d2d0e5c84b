package dev.sluice.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Management API of a real {@code bin/sluice serve}: a token for the bootstrap admin client read from the data
 * directory, then a client created and listed over HTTP.
 */
class ManagementServeTest {

    /** Generous: the launcher may build the runtime jar first. */
    private static final Duration STARTUP = Duration.ofSeconds(300);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path temp;

    @Test
    void the_bootstrap_admin_creates_and_lists_a_client() throws Exception {
        int port = freePort();
        Path data = temp.resolve("data");
        Path stderr = temp.resolve("stderr.log");
        Path root = MysqlTemplates.repoRoot();
        ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/sluice").toString(), "serve")
                .directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SLUICE_") && !name.startsWith("SLUICE_TEST_")
                && !name.equals("SLUICE_JAVA_OPTS") && !name.equals("SLUICE_JIT"));
        builder.environment().put("SLUICE_PORT", String.valueOf(port));
        builder.environment().put("SLUICE_DATA", data.toString());
        Process server = builder.start();
        try {
            awaitHealthy(server, port, stderr);
            JsonNode admin = JSON.readTree(data.resolve("admin-client.json").toFile());
            String audience = "http://localhost:" + port + "/api/v2/";
            HttpResponse<String> token = send(port, "POST", "/oauth/token", "application/x-www-form-urlencoded",
                    "grant_type=client_credentials&client_id=" + encode(admin.get("client_id").asText())
                            + "&client_secret=" + encode(admin.get("client_secret").asText())
                            + "&audience=" + encode(audience), null);
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            String bearer = "Bearer " + JSON.readTree(token.body()).get("access_token").asText();

            HttpResponse<String> created = send(port, "POST", "/api/v2/clients", "application/json",
                    "{\"name\":\"Black box\"}", bearer);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = JSON.readTree(created.body()).get("client_id").asText();

            HttpResponse<String> list = send(port, "GET", "/api/v2/clients", null, null, bearer);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(list.body()).findValuesAsText("client_id")).containsExactly(id);
            assertThat(send(port, "GET", "/api/v2/clients", null, null, null).statusCode()).isEqualTo(401);
        } finally {
            server.destroy();
            server.waitFor();
        }
        assertThat(Files.readString(stderr, StandardCharsets.UTF_8))
                .doesNotContain(JSON.readTree(data.resolve("admin-client.json").toFile()).get("client_secret")
                        .asText());
    }

    private static void awaitHealthy(Process server, int port, Path stderr) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("bin/sluice serve exited with " + server.exitValue() + ": "
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            try {
                if (send(port, "GET", "/health", null, null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not healthy within " + STARTUP + ": "
                + Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(int port, String method, String path, String type, String body,
            String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
