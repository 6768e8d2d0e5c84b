package dev.sluice.sandbox.modules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded pool of {@link PgSession}s (node-postgres {@code Pool}): at most {@code max} connections, opened on
 * demand, reused most-recent first. A caller that finds none free waits up to the policy's query timeout, then fails
 * as node-postgres does ("timeout exceeded when trying to connect"). Blocking methods run on virtual threads.
 */
final class PgPool implements AutoCloseable {

    private final PgConfig config;
    private final ModuleLimits limits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private final ArrayDeque<PgSession> idle = new ArrayDeque<>();
    private final Set<PgSession> all = new HashSet<>();
    private boolean closed;

    PgPool(PgConfig config, ModuleLimits limits) {
        this.config = config;
        this.limits = limits;
    }

    /** A connected session, reserved for the caller until {@link #release}. Blocking. */
    PgSession acquire() throws Exception {
        PgSession session = reserve();
        try {
            PgSession.await(session.connect());
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
            return PgSession.await(session.query(sql, values));
        } finally {
            release(session, false);
        }
    }

    /** Gives {@code session} back, or closes it when {@code destroy} or when it is unusable. Never blocks. */
    void release(PgSession session, boolean destroy) {
        lock.lock();
        try {
            if (!all.contains(session)) {
                return;
            }
            if (closed || destroy || !session.usable()) {
                all.remove(session);
                idle.remove(session);
                session.close();
            } else if (!idle.contains(session)) {
                idle.push(session);
            }
            released.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Stops handing out connections and closes the idle ones; busy ones close when released. */
    void end() {
        lock.lock();
        try {
            closed = true;
            idle.forEach(session -> session.end());
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
            all.forEach(PgSession::close);
            all.clear();
            idle.clear();
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private PgSession reserve() throws InterruptedException {
        long deadline = System.nanoTime() + limits.queryTimeout().toNanos();
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    throw ModuleError.withCode("ERR_POOL_ENDED", "Cannot use a pool after calling end on the pool");
                }
                if (!idle.isEmpty()) {
                    return idle.pop();
                }
                if (all.size() < config.max()) {
                    PgSession session = new PgSession(config, limits);
                    all.add(session);
                    return session;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw ModuleError.withCode("ETIMEDOUT", "timeout exceeded when trying to connect");
                }
                released.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }
}
