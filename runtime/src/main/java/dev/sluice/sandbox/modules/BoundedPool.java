package dev.sluice.sandbox.modules;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The bounded connection pool behind the database modules' pools (mysqljs {@code createPool}, node-postgres
 * {@code Pool}): at most {@code max} members, opened on demand, reused most-recent first; a caller that finds none
 * free waits up to {@code acquireTimeout}. Blocking methods run on virtual threads, never on a JS thread.
 *
 * @param <S> the pooled session type
 */
final class BoundedPool<S extends BoundedPool.Member> implements AutoCloseable {

    /** What the pool needs of a session. */
    interface Member {
        /** Whether the session may serve another caller (false after a fatal error or a destroy). */
        boolean usable();

        /** Closes the session at once. Never blocks. */
        void close();
    }

    private final int max;
    private final Duration acquireTimeout;
    private final Supplier<S> open;
    private final Supplier<ModuleError> whenClosed;
    private final Supplier<ModuleError> whenTimedOut;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private final ArrayDeque<S> idle = new ArrayDeque<>();
    private final Set<S> all = new HashSet<>();
    private boolean closed;

    /**
     * A pool of at most {@code max} sessions made by {@code open}; {@code whenClosed} and {@code whenTimedOut} are
     * the module's own errors for a pool that was ended and for a wait that ran out.
     */
    BoundedPool(int max, Duration acquireTimeout, Supplier<S> open, Supplier<ModuleError> whenClosed,
                Supplier<ModuleError> whenTimedOut) {
        this.max = max;
        this.acquireTimeout = acquireTimeout;
        this.open = open;
        this.whenClosed = whenClosed;
        this.whenTimedOut = whenTimedOut;
    }

    /** An idle session, or a new one while below {@code max}, else waits for one. Blocking. */
    S reserve() throws InterruptedException {
        long deadline = System.nanoTime() + acquireTimeout.toNanos();
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    throw whenClosed.get();
                }
                if (!idle.isEmpty()) {
                    return idle.pop();
                }
                if (all.size() < max) {
                    S session = open.get();
                    all.add(session);
                    return session;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw whenTimedOut.get();
                }
                released.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Gives {@code session} back, or closes it when {@code destroy} or when it is unusable. Never blocks. */
    void release(S session, boolean destroy) {
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

    /** Stops handing out sessions and lets {@code endIdle} finish the idle ones; busy ones close when released. */
    void end(Consumer<S> endIdle) {
        lock.lock();
        try {
            closed = true;
            idle.forEach(endIdle);
            all.removeAll(idle);
            idle.clear();
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Closes every session, busy or not: the context that owns the pool is gone. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            all.forEach(Member::close);
            all.clear();
            idle.clear();
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
