package dev.sluice.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code bin/sluice serve}, started as the README says: a subprocess of the launcher from the repository root,
 * on a free port, with {@code SLUICE_DATA} in a directory of the caller's. Its environment holds no {@code SLUICE_*}
 * setting of the process running the tests (only {@code SLUICE_TEST_*}, {@code SLUICE_JAVA_OPTS} and
 * {@code SLUICE_JIT} pass), plus the given settings. {@link #close()} sends SIGTERM and waits for the exit.
 */
final class SluiceServer implements AutoCloseable {

    /** Generous: the launcher may build the runtime jar first. */
    private static final Duration STARTUP = Duration.ofSeconds(300);
    private static final Duration SHUTDOWN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path data;
    private final Path stderr;

    private SluiceServer(Process process, int port, Path data, Path stderr) {
        this.process = process;
        this.port = port;
        this.data = data;
        this.stderr = stderr;
    }

    /**
     * Starts the server with {@code SLUICE_DATA} = {@code directory/data} and its log in {@code directory/stderr.log},
     * and waits until {@code /health} answers 200.
     *
     * @param settings extra environment, e.g. {@code SLUICE_DB_URL} or {@code SLUICE_BCRYPT_COST}
     */
    static SluiceServer start(Path directory, Map<String, String> settings) throws IOException, InterruptedException {
        int port = freePort();
        Path data = directory.resolve("data");
        Path stderr = directory.resolve("stderr.log");
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("SLUICE_PORT", String.valueOf(port));
        environment.put("SLUICE_DATA", data.toString());
        SluiceServer server = new SluiceServer(launch(environment, stderr), port, data, stderr);
        try {
            server.awaitHealthy();
            return server;
        } catch (RuntimeException | Error | InterruptedException e) {
            server.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** What the server wrote on stderr so far (its whole log). */
    String log() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code admin-client.json} of the data directory: the bootstrap admin client's id and secret. */
    JsonNode adminClient() {
        try {
            return JSON.readTree(data.resolve("admin-client.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one request; {@code type}, {@code body} and {@code authorization} may be null. */
    HttpResponse<String> send(String method, String path, String type, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
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

    /** The client-credentials request of the bootstrap admin client for the Management API audience. */
    HttpResponse<String> requestManagementToken() throws IOException, InterruptedException {
        JsonNode admin = adminClient();
        return send("POST", "/oauth/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=" + encode(admin.get("client_id").asText())
                        + "&client_secret=" + encode(admin.get("client_secret").asText())
                        + "&audience=" + encode("http://localhost:" + port + "/api/v2/"), null);
    }

    /** {@code Bearer <token>} of the bootstrap admin client, with every management scope. */
    String managementToken() throws IOException, InterruptedException {
        HttpResponse<String> token = requestManagementToken();
        if (token.statusCode() != 200) {
            throw new AssertionError("no management token: " + token.statusCode() + " " + token.body());
        }
        return "Bearer " + JSON.readTree(token.body()).get("access_token").asText();
    }

    /** SIGTERM ({@code bin/sluice} execs java, so this is the server itself), then a kill if it lingers. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /**
     * Starts {@code bin/sluice serve} from the repository root with exactly {@code settings} as its {@code SLUICE_*}
     * environment (none inherited from the environment running the tests, except the test databases' and the JVM
     * options), stdout discarded, stderr to {@code stderr}. Does not wait for anything.
     */
    static Process launch(Map<String, String> settings, Path stderr) throws IOException {
        Path root = MysqlTemplates.repoRoot();
        ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/sluice").toString(), "serve")
                .directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SLUICE_") && !name.startsWith("SLUICE_TEST_")
                && !name.equals("SLUICE_JAVA_OPTS") && !name.equals("SLUICE_JIT"));
        builder.environment().putAll(settings);
        return builder.start();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("bin/sluice serve exited with " + process.exitValue() + ": " + log());
            }
            try {
                if (send("GET", "/health", null, null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not healthy within " + STARTUP + ": " + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
