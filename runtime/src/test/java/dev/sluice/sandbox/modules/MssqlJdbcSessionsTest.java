package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The production side of the seam, as far as it can be checked without a SQL Server: settings and failures. */
class MssqlJdbcSessionsTest {

    private static final ModuleLimits LIMITS = new ModuleLimits(Duration.ofSeconds(3), Duration.ofSeconds(5),
            new OutboundRules(List.of(), true, false), 1_000_000);

    @Test
    void the_driver_connects_to_the_allowed_address_and_verifies_tls_against_the_named_host() {
        SqlServerConfig config = SqlServerConfig.parse("""
                {"server": "db.example.com", "port": 1444, "database": "legacy", "userName": "app",
                 "password": "pw", "encrypt": true, "connectTimeout": 60000, "requestTimeout": 0}
                """, LIMITS).withAddress("203.0.113.7");

        Properties properties = MssqlJdbcSessions.properties(config);

        assertThat(properties.getProperty("serverName")).isEqualTo("203.0.113.7");
        assertThat(properties.getProperty("hostNameInCertificate")).isEqualTo("db.example.com");
        assertThat(properties.getProperty("portNumber")).isEqualTo("1444");
        assertThat(properties.getProperty("databaseName")).isEqualTo("legacy");
        assertThat(properties.getProperty("encrypt")).isEqualTo("true");
        assertThat(properties.getProperty("trustServerCertificate")).isEqualTo("false");
        assertThat(properties.getProperty("loginTimeout")).as("capped by the policy").isEqualTo("3");
        assertThat(config.requestTimeout()).as("0 means the policy's ceiling").isEqualTo(Duration.ofSeconds(5));
        assertThat(config.toString()).doesNotContain("pw");
    }

    @Test
    void a_refused_port_is_a_connection_error_esocket_from_the_real_driver() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SqlServerConfig config = SqlServerConfig.parse("{\"server\": \"localhost\", \"port\": " + port
                + ", \"userName\": \"a\", \"password\": \"b\"}", LIMITS).withAddress("127.0.0.1");

        ModuleError error = catchThrowableOfType(ModuleError.class, () -> new MssqlJdbcSessions(1000).open(config));

        assertThat(ModuleError.toJson(error)).contains("\"code\":\"ESOCKET\"", "\"errorType\":\"ConnectionError\"",
                "Failed to connect to localhost:" + port + " - ");
    }
}
