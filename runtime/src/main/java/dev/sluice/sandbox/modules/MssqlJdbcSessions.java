package dev.sluice.sandbox.modules;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * {@link SqlServerSessions} over Microsoft's JDBC driver ({@code com.microsoft.sqlserver:mssql-jdbc}). Connects to
 * the address the outbound rules allowed, verifying TLS against the host name the script gave.
 */
public final class MssqlJdbcSessions implements SqlServerSessions {

    /** How long a statement may outlive its own timeout before the socket is given up on. */
    private static final long SOCKET_GRACE_MS = 5_000;

    /** Everything, the server name included, travels in {@link #properties}, so no value is parsed out of a URL. */
    private static final String URL = "jdbc:sqlserver://";

    private final long maxResultBytes;

    /** Sessions whose results may hold at most {@code maxResultBytes} (the policy's {@code responseBytes}). */
    public MssqlJdbcSessions(long maxResultBytes) {
        this.maxResultBytes = maxResultBytes;
    }

    @Override
    public TdsSession open(SqlServerConfig config) {
        try {
            Connection connection = DriverManager.getConnection(URL, properties(config));
            return new MssqlJdbcSession(connection, config, maxResultBytes);
        } catch (SQLException | RuntimeException e) {
            throw TediousErrors.connect(e, config);
        }
    }

    /** The driver properties of {@code config}. */
    static Properties properties(SqlServerConfig config) {
        Properties p = new Properties();
        p.setProperty("serverName", config.address());
        if (config.instanceName().isEmpty()) {
            p.setProperty("portNumber", Integer.toString(config.port()));
        } else {
            p.setProperty("instanceName", config.instanceName());
        }
        p.setProperty("databaseName", config.database());
        p.setProperty("user", config.userName());
        p.setProperty("password", config.password());
        p.setProperty("encrypt", Boolean.toString(config.encrypt()));
        p.setProperty("trustServerCertificate", Boolean.toString(config.trustServerCertificate()));
        // The driver connects to an address; the certificate names the host the script asked for.
        p.setProperty("hostNameInCertificate", config.server());
        p.setProperty("loginTimeout", Long.toString(Math.max(1, (config.connectTimeout().toMillis() + 999) / 1000)));
        p.setProperty("socketTimeout", Long.toString(config.requestTimeout().toMillis() + SOCKET_GRACE_MS));
        p.setProperty("applicationName", config.appName());
        // Parameters carry their own declared types: VarChar stays varchar, NVarChar is bound as such.
        p.setProperty("sendStringParametersAsUnicode", "false");
        p.setProperty("multiSubnetFailover", "false");
        p.setProperty("applicationIntent", "ReadWrite");
        return p;
    }
}
