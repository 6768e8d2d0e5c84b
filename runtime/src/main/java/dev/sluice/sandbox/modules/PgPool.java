package dev.sluice.sandbox.modules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A bounded pool of {@link PgSession}s (node-postgres {@code Pool}): at most {@code max} connections, opened on
 * demand, reused most-recent first. A caller that finds none free waits up to the policy's query timeout, then fails
 * as node-postgres does ("timeout exceeded when trying to connect"). Blocking methods run on virtual threads.
 */
final class PgPool implements AutoCloseable {

    private final BoundedPool<PgSession> sessions;

    PgPool(PgConfig config, ModuleLimits limits) {
        this.sessions = new BoundedPool<>(config.max(), limits.queryTimeout(), () -> new PgSession(config, limits),
                () -> ModuleError.withCode("ERR_POOL_ENDED", "Cannot use a pool after calling end on the pool"),
                () -> ModuleError.withCode("ETIMEDOUT", "timeout exceeded when trying to connect"));
    }

    /** A connected session, reserved for the caller until {@link #release}. Blocking. */
    PgSession acquire() throws Exception {
        PgSession session = sessions.reserve();
        try {
            QueuedWork.await(session.connect());
            return session;
        } catch (Exception e) {
            release(session, true);
            throw e;
        }
    }

    /** Runs one query on a pooled connection and gives it back (node-postgres {@code pool.query}). Blocking. */
    Object query(String sql, JsonNode values) throws Exception {
        PgSession session = acquire();
        try {
            return QueuedWork.await(session.query(sql, values));
        } finally {
            release(session, false);
        }
    }

    /** Gives {@code session} back, or closes it when {@code destroy} or when it is unusable. Never blocks. */
    void release(PgSession session, boolean destroy) {
        sessions.release(session, destroy);
    }

    /** Stops handing out connections and ends the idle ones; busy ones close when released. */
    void end() {
        sessions.end(PgSession::end);
    }

    /** Closes every connection, busy or not: the context that owns the pool is gone. */
    @Override
    public void close() {
        sessions.close();
    }
}
