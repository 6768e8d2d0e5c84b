package dev.sluice.sandbox.modules;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded pool of {@link MysqlSession}s (mysqljs {@code createPool}): at most {@code connectionLimit}
 * connections, opened on demand, reused in LIFO order. Callers that find none free wait up to the acquire timeout.
 * Blocking methods run on virtual threads, never on the JS thread.
 */
final class MysqlPool implements AutoCloseable {

    /** An idle connection older than this is checked with a round trip before it is handed out (mysqljs pings). */
    private static final long VALIDATE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final MysqlConfig config;
    private final ModuleLimits limits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private final ArrayDeque<MysqlSession> idle = new ArrayDeque<>();
    private final Set<MysqlSession> all = new HashSet<>();
    private boolean closed;

    MysqlPool(MysqlConfig config, ModuleLimits limits) {
        this.config = config;
        this.limits = limits;
    }

    /** A connected session, reserved for the caller until {@link #release}. Blocking. */
    MysqlSession acquire() throws Exception {
        while (true) {
            MysqlSession session = reserve();
            if (stale(session) && !answers(session)) {
                discard(session);
                continue;
            }
            try {
                MysqlSession.await(session.connect());
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
            return MysqlSession.await(session.query(sql));
        } finally {
            release(session);
        }
    }

    /** Gives {@code session} back; a session that failed or was destroyed is closed instead. Never blocks. */
    void release(MysqlSession session) {
        lock.lock();
        try {
            if (!all.contains(session)) {
                return;
            }
            if (closed || !session.usable()) {
                all.remove(session);
                session.close();
            } else if (!idle.contains(session)) {
                idle.push(session);
            }
            released.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Removes {@code session} from the pool and closes it. Never blocks. */
    void discard(MysqlSession session) {
        lock.lock();
        try {
            all.remove(session);
            idle.remove(session);
            released.signal();
        } finally {
            lock.unlock();
        }
        session.close();
    }

    /** Stops handing out connections and closes the idle ones; busy ones close when released (mysqljs {@code end}). */
    void end() {
        lock.lock();
        try {
            closed = true;
            idle.forEach(MysqlSession::close);
            all.removeAll(idle);
            idle.clear();
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Closes every connection, busy or not: the context that owns the pool is gone. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            all.forEach(MysqlSession::close);
            all.clear();
            idle.clear();
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static boolean stale(MysqlSession session) {
        return session.idleAndOpen() && System.nanoTime() - session.lastUsedNanos() > VALIDATE_AFTER_NANOS;
    }

    private static boolean answers(MysqlSession session) {
        try {
            MysqlSession.await(session.query("SELECT 1"));
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    private MysqlSession reserve() throws InterruptedException {
        long deadline = System.nanoTime() + config.acquireTimeout().toNanos();
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    throw ModuleError.withCode("POOL_CLOSED", "Pool is closed.");
                }
                if (!idle.isEmpty()) {
                    return idle.pop();
                }
                if (all.size() < config.connectionLimit()) {
                    MysqlSession session = new MysqlSession(config, limits);
                    all.add(session);
                    return session;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw ModuleError.withCode("POOL_ACQUIRE_TIMEOUT",
                            "No pooled connection became free within " + config.acquireTimeout().toMillis() + " ms.");
                }
                released.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }
}
