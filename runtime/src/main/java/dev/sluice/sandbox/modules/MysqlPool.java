package dev.sluice.sandbox.modules;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pool of {@link MysqlSession}s (mysqljs {@code createPool}): at most {@code connectionLimit}
 * connections, opened on demand, reused in LIFO order. Callers that find none free wait up to the acquire timeout.
 * Blocking methods run on virtual threads, never on the JS thread.
 */
final class MysqlPool implements AutoCloseable {

    /** An idle connection older than this is checked with a round trip before it is handed out (mysqljs pings). */
    private static final long VALIDATE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final BoundedPool<MysqlSession> sessions;

    MysqlPool(MysqlConfig config, ModuleLimits limits) {
        this.sessions = new BoundedPool<>(config.connectionLimit(), config.acquireTimeout(),
                () -> new MysqlSession(config, limits),
                () -> ModuleError.withCode("POOL_CLOSED", "Pool is closed."),
                () -> ModuleError.withCode("POOL_ACQUIRE_TIMEOUT",
                        "No pooled connection became free within " + config.acquireTimeout().toMillis() + " ms."));
    }

    /** A connected session, reserved for the caller until {@link #release}. Blocking. */
    MysqlSession acquire() throws Exception {
        while (true) {
            MysqlSession session = sessions.reserve();
            if (stale(session) && !answers(session)) {
                discard(session);
                continue;
            }
            try {
                QueuedWork.await(session.connect());
                return session;
            } catch (Exception e) {
                discard(session);
                throw e;
            }
        }
    }

    /** Runs one query on a pooled connection and gives it back (mysqljs {@code pool.query}). Blocking. */
    Map<String, Object> query(String sql) throws Exception {
        MysqlSession session = acquire();
        try {
            return QueuedWork.await(session.query(sql));
        } finally {
            release(session);
        }
    }

    /** Gives {@code session} back; a session that failed or was destroyed is closed instead. Never blocks. */
    void release(MysqlSession session) {
        sessions.release(session, false);
    }

    /** Removes {@code session} from the pool and closes it. Never blocks. */
    void discard(MysqlSession session) {
        sessions.release(session, true);
        session.close();
    }

    /** Stops handing out connections and closes the idle ones; busy ones close when released (mysqljs {@code end}). */
    void end() {
        sessions.end(MysqlSession::close);
    }

    /** Closes every connection, busy or not: the context that owns the pool is gone. */
    @Override
    public void close() {
        sessions.close();
    }

    private static boolean stale(MysqlSession session) {
        return session.idleAndOpen() && System.nanoTime() - session.lastUsedNanos() > VALIDATE_AFTER_NANOS;
    }

    private static boolean answers(MysqlSession session) {
        try {
            QueuedWork.await(session.query("SELECT 1"));
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
