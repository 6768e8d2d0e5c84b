package dev.sluice.sandbox.modules;

/**
 * The seam below the {@code tedious} module: opens sessions with a SQL Server. Production uses Microsoft's JDBC
 * driver ({@link MssqlJdbcSessions}); tests use an in-memory fake, since no SQL Server runs where Sluice is built.
 */
public interface SqlServerSessions {

    /**
     * Opens and logs in a session to {@code config.address()} (already allowed by the outbound rules). Blocking,
     * at most {@code config.connectTimeout()}. Throws a {@link ModuleError} shaped like tedious's
     * {@code ConnectionError}: {@code code} {@code ELOGIN} (refused login), {@code ESOCKET} (unreachable) or
     * {@code ETIMEOUT}.
     */
    TdsSession open(SqlServerConfig config);
}
