package dev.sluice.sandbox.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The connection settings of one {@code pg} client or pool, as the facade normalized them from the script's config
 * object or connection string (node-postgres {@code ConnectionParameters}). Never printed with its password.
 *
 * @param host server host name or address, as the script gave it
 * @param port server port
 * @param user user name
 * @param password password (may be empty)
 * @param database database name
 * @param connectTimeout how long opening the connection may take, already capped by the sandbox policy
 * @param statementTimeout how long one statement may run, already capped by the sandbox policy
 * @param ssl whether TLS is required ({@code sslmode=require})
 * @param max a pool's maximum number of connections
 * @param options server settings sent at connect (node-postgres {@code options}, e.g. {@code -c search_path=app})
 */
public record PgConfig(String host, int port, String user, String password, String database,
                       Duration connectTimeout, Duration statementTimeout, boolean ssl, int max, String options) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_POOL = 100;

    /** Reads the facade's JSON, capping timeouts at {@code limits}; fails with a {@link ModuleError}. */
    public static PgConfig parse(String json, ModuleLimits limits) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw invalid("the connection options are not plain data");
        }
        int port = node.path("port").asInt(5432);
        if (port <= 0 || port > 65535) {
            throw invalid("port must be between 1 and 65535");
        }
        int max = node.path("max").asInt(10);
        if (max <= 0 || max > MAX_POOL) {
            throw invalid("max must be between 1 and " + MAX_POOL);
        }
        String user = node.path("user").asText("postgres");
        return new PgConfig(node.path("host").asText("localhost"), port, user, node.path("password").asText(""),
                node.path("database").asText(user),
                cap(node.path("connectionTimeoutMillis").asLong(0), limits.connectTimeout()),
                cap(node.path("statementTimeout").asLong(0), limits.queryTimeout()),
                node.path("ssl").asBoolean(false), max, node.path("options").asText(""));
    }

    /** The JDBC URL over {@code addresses} (already checked by the outbound rules), tried in order. */
    public String jdbcUrl(List<InetAddress> addresses) {
        String hosts = addresses.stream()
                .map(address -> (address instanceof Inet6Address ? "[" + address.getHostAddress() + "]"
                        : address.getHostAddress()) + ":" + port)
                .collect(Collectors.joining(","));
        // pgjdbc URL-decodes the database name (as URLDecoder does, so '+' is a space).
        return "jdbc:postgresql://" + hosts + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    /** pgjdbc properties that make the server and the driver behave as they do for node-postgres. */
    public Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", Long.toString(seconds(connectTimeout)));
        properties.setProperty("loginTimeout", Long.toString(seconds(connectTimeout)));
        // A backstop for a silent network; the server cancels statements well before it.
        properties.setProperty("socketTimeout", Long.toString(seconds(statementTimeout) + 5));
        // The policy's timeout comes last, so a script's own statement_timeout in `options` cannot lift it.
        properties.setProperty("options", (options.isBlank() ? "" : options + " ") + "-c statement_timeout="
                + statementTimeout.toMillis());
        properties.setProperty("sslmode", ssl ? "require" : "disable");
        // Every value arrives as the server's text, which the facade parses as node-postgres's pg-types do.
        properties.setProperty("binaryTransfer", "false");
        // Parameters go untyped, as node-postgres sends them: the server infers each type from the statement.
        properties.setProperty("stringtype", "unspecified");
        properties.setProperty("ApplicationName", "sluice");
        properties.setProperty("targetServerType", "any");
        return properties;
    }

    @Override
    public String toString() {
        return "PgConfig[" + user + "@" + host + ":" + port + "/" + database + "]";
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    /** {@code millis <= 0} means "no timeout" in node-postgres; here that is the policy's ceiling. */
    private static Duration cap(long millis, Duration ceiling) {
        if (millis <= 0) {
            return ceiling;
        }
        Duration wanted = Duration.ofMillis(millis);
        return wanted.compareTo(ceiling) > 0 ? ceiling : wanted;
    }

    private static ModuleError invalid(String message) {
        return ModuleError.withCode("ERR_INVALID_ARG_VALUE", message);
    }
}
