package dev.sluice.sandbox.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.Sandboxes;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.Assertions;

/**
 * Test helper: an HTTP server on 127.0.0.1 (port 0) with the endpoints the HTTP module tests call, and a way to
 * run a login script under a policy that allows loopback.
 *
 * <p>{@code /echo} answers what it received as JSON; {@code /login} checks {@code {email, password}} (JSON or
 * form) and {@code /profile} HTTP Basic credentials against ann@example.com / secret; {@code /status/N} answers N;
 * {@code /redirect?to=path}, {@code /loop}, {@code /slow}, {@code /big}, {@code /gzip} and {@code /cookies} do
 * what their names say.
 */
final class HttpTestServer implements AutoCloseable {

    static final String POLICY = "{\"allowLoopback\": true, \"responseBytes\": 65536, \"queryTimeoutMs\": 5000}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private HttpTestServer(HttpServer server) {
        this.server = server;
    }

    static HttpTestServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", HttpTestServer::handle);
            server.start();
            return new HttpTestServer(server);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code http://127.0.0.1:port}. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Runs {@code source} as login with {@code BASE} in the configuration, under {@code policy}. */
    ScriptResult login(GraalScriptRunner runner, String source, String policy, String email, String password) {
        return Sandboxes.run(runner, Sandboxes.set(ScriptKey.LOGIN, source, Map.of("BASE", base()), policy),
                ScriptKey.LOGIN, email, password);
    }

    /** Runs {@code source} as login under {@link #POLICY} and returns the value it called back with. */
    JsonNode value(GraalScriptRunner runner, String source) {
        ScriptResult result = login(runner, source, POLICY, "ann@example.com", "secret");
        Assertions.assertThat(result.outcome()).as("outcome (console %s)", result.console())
                .isInstanceOf(ScriptOutcome.Success.class);
        return ((ScriptOutcome.Success) result.outcome()).value();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            switch (path.replaceAll("^(/[a-z]+).*$", "$1")) {
                case "/login" -> login(exchange, body);
                case "/profile" -> profile(exchange);
                case "/status" -> send(exchange, Integer.parseInt(path.substring(8)), "{\"error\":\"status\"}");
                case "/redirect" -> redirect(exchange, exchange.getRequestURI().getQuery().substring(3), 302);
                case "/seeother" -> redirect(exchange, "/echo", 303);
                case "/loop" -> redirect(exchange, "/loop", 302);
                case "/slow" -> slow(exchange);
                case "/big" -> raw(exchange, 200, "text/plain", new byte[100_000]);
                case "/gzip" -> gzip(exchange);
                case "/cookies" -> cookies(exchange);
                case "/text" -> raw(exchange, 200, "text/plain", "plain text".getBytes(StandardCharsets.UTF_8));
                default -> send(exchange, 200, echo(exchange, body).toString());
            }
        }
    }

    private static ObjectNode echo(HttpExchange exchange, byte[] body) {
        ObjectNode node = JSON.createObjectNode();
        node.put("method", exchange.getRequestMethod());
        node.put("path", exchange.getRequestURI().getPath());
        node.put("query", exchange.getRequestURI().getRawQuery());
        ObjectNode headers = node.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
        node.put("body", new String(body, StandardCharsets.UTF_8));
        return node;
    }

    private static void login(HttpExchange exchange, byte[] body) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8);
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("content-type"));
        boolean ok = type.startsWith("application/json")
                ? credentialsMatch(JSON.readTree(text).path("email").asText(), JSON.readTree(text).path("password")
                        .asText())
                : text.equals("email=ann%40example.com&password=secret");
        if (ok) {
            send(exchange, 200, "{\"id\":42,\"email\":\"ann@example.com\",\"name\":\"Ann\"}");
        } else {
            send(exchange, 401, "{\"error\":\"invalid credentials\"}");
        }
    }

    private static void profile(HttpExchange exchange) throws IOException {
        String header = String.valueOf(exchange.getRequestHeaders().getFirst("authorization"));
        String expected = "Basic " + Base64.getEncoder().encodeToString("ann@example.com:secret".getBytes(
                StandardCharsets.UTF_8));
        if (header.equals(expected)) {
            send(exchange, 200, "{\"user_id\":7,\"nickname\":\"ann\",\"email\":\"ann@example.com\"}");
        } else {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"legacy\"");
            send(exchange, 401, "Unauthorized");
        }
    }

    private static boolean credentialsMatch(String email, String password) {
        return email.equals("ann@example.com") && password.equals("secret");
    }

    private static void redirect(HttpExchange exchange, String to, int status) throws IOException {
        exchange.getResponseHeaders().add("Location", to);
        exchange.sendResponseHeaders(status, -1);
    }

    private static void slow(HttpExchange exchange) throws IOException {
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        send(exchange, 200, "{}");
    }

    private static void gzip(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write("{\"zipped\":true}".getBytes(StandardCharsets.UTF_8));
        }
        exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        raw(exchange, 200, "application/json", bytes.toByteArray());
    }

    private static void cookies(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Set-Cookie", "a=1");
        exchange.getResponseHeaders().add("Set-Cookie", "b=2");
        exchange.getResponseHeaders().add("X-Many", "one");
        exchange.getResponseHeaders().add("X-Many", "two");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        // A chunked body: length 0 in sendResponseHeaders.
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("{\"chunked\":".getBytes(StandardCharsets.UTF_8));
            out.flush();
            out.write("true}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        raw(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static void raw(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }
}
