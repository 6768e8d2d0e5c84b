package dev.sluice.sandbox.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * The connection settings of one {@code mysql} connection or pool, as the facade normalized them from the
 * script's options (mysqljs {@code ConnectionConfig} / {@code PoolConfig}). Never printed with its password.
 *
 * @param host server host name or address
 * @param port server port
 * @param user user name (may be empty)
 * @param password password (may be empty)
 * @param database default schema (may be empty)
 * @param connectTimeout how long opening the connection may take, already capped by the sandbox policy
 * @param ssl whether TLS is required
 * @param verifyServer whether the server certificate is verified (mysqljs {@code ssl.rejectUnauthorized})
 * @param connectionLimit a pool's maximum number of connections
 * @param acquireTimeout how long a pool waits for a free connection
 */
public record MysqlConfig(String host, int port, String user, String password, String database,
                          Duration connectTimeout, boolean ssl, boolean verifyServer, int connectionLimit,
                          Duration acquireTimeout) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_POOL = 100;

    /** Reads the facade's JSON, capping timeouts at {@code limits}; fails with a {@link ModuleError}. */
    public static MysqlConfig parse(String json, ModuleLimits limits) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw invalid("the connection options are not plain data");
        }
        int port = node.path("port").asInt(3306);
        if (port <= 0 || port > 65535) {
            throw invalid("port must be between 1 and 65535");
        }
        int limit = node.path("connectionLimit").asInt(10);
        if (limit <= 0 || limit > MAX_POOL) {
            throw invalid("connectionLimit must be between 1 and " + MAX_POOL);
        }
        JsonNode ssl = node.path("ssl");
        boolean useSsl = !ssl.isMissingNode() && !ssl.isNull() && !(ssl.isBoolean() && !ssl.asBoolean());
        boolean verify = !ssl.isObject() || ssl.path("rejectUnauthorized").asBoolean(true);
        return new MysqlConfig(node.path("host").asText("localhost"), port, node.path("user").asText(""),
                node.path("password").asText(""), node.path("database").asText(""),
                cap(node.path("connectTimeout").asLong(10_000), limits.connectTimeout()), useSsl, verify, limit,
                cap(node.path("acquireTimeout").asLong(10_000), limits.queryTimeout()));
    }

    /**
     * The JDBC URL of this server and schema at {@code address}, which the sandbox's outbound rules resolved
     * {@link #host} to; credentials travel in {@link #properties}.
     */
    public String jdbcUrl(InetAddress address) {
        String ip = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return "jdbc:mysql://" + ip + ":" + port + "/" + database.replace("/", "%2F").replace("?", "%3F");
    }

    /** Connector/J properties that make the server behave as it does for mysqljs. */
    public Properties properties(Duration queryTimeout) {
        Properties properties = new Properties();
        properties.putAll(Map.of(
                "user", user,
                "password", password,
                "connectTimeout", Long.toString(connectTimeout.toMillis()),
                // A backstop for a silent network; statements have their own timeout below it.
                "socketTimeout", Long.toString(queryTimeout.toMillis() + 5_000),
                "sslMode", !ssl ? "DISABLED" : verifyServer ? "VERIFY_IDENTITY" : "REQUIRED",
                // mysqljs sets CLIENT_FOUND_ROWS: affectedRows counts matched rows.
                "useAffectedRows", "false",
                "allowMultiQueries", "false",
                "characterEncoding", "UTF-8"));
        properties.putAll(Map.of(
                // Raw column text is what mysqljs type-casts; keep Connector/J from reinterpreting it.
                "yearIsDateType", "false",
                "tinyInt1isBit", "false",
                "allowLoadLocalInfile", "false",
                "allowPublicKeyRetrieval", "false",
                "autoReconnect", "false",
                "cacheServerConfiguration", "true"));
        return properties;
    }

    @Override
    public String toString() {
        return "MysqlConfig[" + user + "@" + host + ":" + port + "/" + database + "]";
    }

    private static Duration cap(long millis, Duration ceiling) {
        Duration wanted = Duration.ofMillis(Math.max(1, millis));
        return wanted.compareTo(ceiling) > 0 ? ceiling : wanted;
    }

    private static ModuleError invalid(String message) {
        return ModuleError.withCode("ERR_INVALID_ARG_VALUE", message);
    }
}
