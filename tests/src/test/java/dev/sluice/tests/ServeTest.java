package dev.sluice.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/sluice serve} exactly as the README runs it, as a subprocess on a free port and a temp data dir. */
class ServeTest {

    /** Generous: the launcher may build the runtime jar first. */
    private static final Duration STARTUP = Duration.ofSeconds(300);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path temp;

    @Test
    void serve_answers_health_and_discovery_and_stops_on_sigterm() throws Exception {
        int port = freePort();
        Path data = temp.resolve("data");
        Path stderr = temp.resolve("stderr.log");
        Process server = SluiceServer.launch(Map.of("SLUICE_PORT", String.valueOf(port), "SLUICE_DATA",
                data.toString()), stderr);
        try {
            JsonNode health = awaitHealthy(server, port, stderr);
            assertThat(health.get("status").asText()).isEqualTo("ok");
            assertThat(health.get("truffleRuntime").asText()).isNotBlank();

            JsonNode jwks = getJson(port, "/.well-known/jwks.json");
            assertThat(jwks.get("keys")).isNotEmpty();
            assertThat(jwks.get("keys").get(0).get("alg").asText()).isEqualTo("RS256");
            JsonNode discovery = getJson(port, "/.well-known/openid-configuration");
            assertThat(discovery.get("issuer").asText()).isEqualTo("http://localhost:" + port + "/");
            assertThat(discovery.get("jwks_uri").asText())
                    .isEqualTo("http://localhost:" + port + "/.well-known/jwks.json");

            Path adminClient = data.resolve("admin-client.json");
            assertThat(adminClient).isRegularFile();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(adminClient))).isEqualTo("rw-------");
            String secret = JSON.readTree(adminClient.toFile()).get("client_secret").asText();

            server.destroy(); // SIGTERM: bin/sluice execs java, so this is the server itself
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
            String log = Files.readString(stderr, StandardCharsets.UTF_8);
            assertThat(log).contains("listening on http://localhost:" + port + "/")
                    .contains(adminClient.toString())
                    .doesNotContain(secret);
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void a_bad_port_stops_startup_with_a_message_naming_it_and_no_stack_trace() throws Exception {
        Path stderr = temp.resolve("stderr.log");
        Process server = SluiceServer.launch(Map.of("SLUICE_PORT", "abc", "SLUICE_DATA",
                temp.resolve("data").toString()), stderr);
        try {
            assertThat(server.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)).as("exits").isTrue();
            String log = Files.readString(stderr, StandardCharsets.UTF_8);
            assertThat(server.exitValue()).isNotZero();
            assertThat(log).contains("SLUICE_PORT").contains("'abc'")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        } finally {
            server.destroyForcibly();
        }
    }

    private static JsonNode awaitHealthy(Process server, int port, Path stderr) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("bin/sluice serve exited with " + server.exitValue() + ": "
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            Optional<HttpResponse<String>> response = tryGet(port, "/health");
            if (response.isPresent() && response.get().statusCode() == 200) {
                return JSON.readTree(response.get().body());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not healthy within " + STARTUP + ": " + Files.readString(stderr,
                StandardCharsets.UTF_8));
    }

    private static JsonNode getJson(int port, String path) throws Exception {
        HttpResponse<String> response = tryGet(port, path).orElseThrow(() -> new AssertionError("no answer"));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Optional<HttpResponse<String>> tryGet(int port, String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            return Optional.of(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (ConnectException e) {
            return Optional.empty(); // not listening yet
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
