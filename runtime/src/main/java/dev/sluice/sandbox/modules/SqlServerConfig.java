package dev.sluice.sandbox.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;

/**
 * The settings of one {@code tedious} connection, as the facade normalized them from the script's configuration
 * (tedious 1.x {@code userName}/{@code password} or the later {@code authentication: {type: 'default'}} form).
 * Never printed with its password.
 *
 * @param server the host name (or address) the script gave; kept for TLS host-name verification and messages
 * @param address the address {@link OutboundRules#resolve} allowed for {@code server}; empty until resolved
 * @param port server port (tedious's default 1433)
 * @param instanceName a named instance, found through the SQL Browser on {@code address}; empty for none
 * @param database the initial database; empty for the login's default
 * @param userName SQL Server login
 * @param password its password
 * @param encrypt whether the connection is encrypted (tedious 1.x default: false)
 * @param trustServerCertificate whether the server certificate is accepted without verification
 * @param connectTimeout how long opening may take, capped by the sandbox policy
 * @param requestTimeout how long one request may take, capped by the sandbox policy
 * @param appName the application name the server sees
 */
public record SqlServerConfig(String server, String address, int port, String instanceName, String database,
                              String userName, String password, boolean encrypt, boolean trustServerCertificate,
                              Duration connectTimeout, Duration requestTimeout, String appName) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_PORT = 1433;
    private static final long DEFAULT_TIMEOUT_MS = 15_000;

    /** Reads the facade's JSON, capping timeouts at {@code limits}; fails with a {@link ModuleError}. */
    public static SqlServerConfig parse(String json, ModuleLimits limits) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw invalid("the connection configuration is not plain data");
        }
        String server = node.path("server").asText("");
        if (server.isEmpty()) {
            throw invalid("The \"config.server\" property is required and must be of type string.");
        }
        int port = node.path("port").asInt(DEFAULT_PORT);
        if (port <= 0 || port > 65535) {
            throw new ModuleError("Port should be > 0 and < 65536", java.util.Map.of("code", "ERR_OUT_OF_RANGE"));
        }
        return new SqlServerConfig(server, "", port, node.path("instanceName").asText(""),
                node.path("database").asText(""), node.path("userName").asText(""), node.path("password").asText(""),
                node.path("encrypt").asBoolean(false), node.path("trustServerCertificate").asBoolean(false),
                cap(node.path("connectTimeout").asLong(DEFAULT_TIMEOUT_MS), limits.connectTimeout()),
                cap(node.path("requestTimeout").asLong(DEFAULT_TIMEOUT_MS), limits.queryTimeout()),
                node.path("appName").asText("Tedious"));
    }

    /** This configuration bound to one allowed address of {@link #server}. */
    public SqlServerConfig withAddress(String resolved) {
        return new SqlServerConfig(server, resolved, port, instanceName, database, userName, password, encrypt,
                trustServerCertificate, connectTimeout, requestTimeout, appName);
    }

    @Override
    public String toString() {
        return "SqlServerConfig[" + userName + "@" + server + ":" + port + "/" + database + "]";
    }

    // tedious: a requestTimeout of 0 means "no timeout"; the sandbox still bounds it.
    private static Duration cap(long millis, Duration ceiling) {
        Duration wanted = millis <= 0 ? ceiling : Duration.ofMillis(millis);
        return wanted.compareTo(ceiling) > 0 ? ceiling : wanted;
    }

    private static ModuleError invalid(String message) {
        return ModuleError.withCode("ERR_INVALID_ARG_TYPE", message);
    }
}
