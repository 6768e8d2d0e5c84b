package dev.sluice.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code sluice serve} in a child JVM ({@code java -cp <this JVM's classpath> dev.sluice.cli.Main serve}, with
 * bin/sluice's JVM flags and no JIT), on a free port, the embedded H2 store in a temporary {@code SLUICE_DATA}, the
 * given {@code SLUICE_BCRYPT_COST} and a generated admin client. Its own process, so the load generator does not
 * share the server's heap or GC; it still shares the machine's cores. The server's output goes to
 * {@code server.log} in the data directory, which {@link #close()} deletes: read it before ({@link #logTail}; it is
 * shown in full when startup fails).
 */
final class SluiceServer implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final List<String> JVM_FLAGS = List.of("--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow", "-XX:+UseG1GC", "-Dpolyglot.engine.WarnInterpreterOnly=false");

    private final Process process;
    private final Path data;
    private final URI base;
    private final String adminId;
    private final String adminSecret;
    private final Thread killOnExit;

    private SluiceServer(Process process, Path data, URI base, String adminId, String adminSecret) {
        this.process = process;
        this.data = data;
        this.base = base;
        this.adminId = adminId;
        this.adminSecret = adminSecret;
        this.killOnExit = new Thread(process::destroyForcibly, "sluice-server-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts the server and waits (up to two minutes) until {@code /health} answers 200. */
    static SluiceServer start(int bcryptCost, HttpClient http) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("sluice-bench-");
        int port = freePort();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        String adminSecret = randomToken();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.sluice.cli.Main", "serve"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("SLUICE_")); // no SLUICE_CONFIG or SLUICE_DB_URL of the caller
        env.put("SLUICE_PORT", Integer.toString(port));
        env.put("SLUICE_DATA", data.toString());
        env.put("SLUICE_ISSUER", base.toString());
        env.put("SLUICE_BCRYPT_COST", Integer.toString(bcryptCost));
        env.put("SLUICE_ADMIN_CLIENT_ID", "bench-admin");
        env.put("SLUICE_ADMIN_CLIENT_SECRET", adminSecret);
        SluiceServer server = new SluiceServer(builder.start(), data, base, "bench-admin", adminSecret);
        try {
            server.awaitHealthy(http);
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The base URL, which is also the issuer ({@code http://127.0.0.1:<port>/}). */
    URI base() {
        return base;
    }

    String adminId() {
        return adminId;
    }

    String adminSecret() {
        return adminSecret;
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM (the server's shutdown hook closes it cleanly), SIGKILL after 30 s; then deletes the data dir. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Runtime.getRuntime().removeShutdownHook(killOnExit);
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + data, e);
        }
    }

    private void awaitHealthy(HttpClient http) throws IOException, InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(base.resolve("health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sluice serve exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // polled again below until the deadline
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("sluice serve did not become healthy within " + STARTUP + ":\n" + log());
    }

    /** The last {@code lines} lines the server wrote (its log never holds a password or secret). */
    String logTail(int lines) throws IOException {
        List<String> all = Files.readAllLines(data.resolve("server.log"), StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private String log() throws IOException {
        return Files.readString(data.resolve("server.log"), StandardCharsets.UTF_8);
    }

    /** A port free right now (another process could take it before the server binds; startup then fails loudly). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
