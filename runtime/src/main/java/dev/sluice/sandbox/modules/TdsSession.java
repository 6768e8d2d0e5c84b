package dev.sluice.sandbox.modules;

import java.util.List;

/** One logged-in SQL Server session. Used by one request at a time (the facade keeps tedious's state machine). */
public interface TdsSession extends AutoCloseable {

    /**
     * Runs {@code sql} the way tedious's {@code execSql} does: through {@code sp_executesql} with the named
     * parameters declared and bound (an empty list still goes through {@code sp_executesql}). Blocking, at most the
     * configuration's request timeout. Throws a {@link ModuleError} shaped like tedious's {@code RequestError}:
     * {@code code} {@code EREQUEST} with {@code number}, {@code state}, {@code class}, {@code lineNumber},
     * {@code serverName}, {@code procName} for a server error, {@code ETIMEOUT} for a timeout, {@code ESOCKET} when
     * the session is lost (it is then unusable).
     */
    TdsResult execute(String sql, List<TdsParameter> parameters);

    /** Runs {@code sql} as a plain batch, without parameters (tedious's {@code execSqlBatch}); otherwise as above. */
    TdsResult batch(String sql);

    /** Closes the session; never throws, may be called twice. */
    @Override
    void close();
}
