package dev.sluice.sandbox.modules;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * One JDBC connection as a mysqljs connection sees it: work is queued in the order the script submitted it and
 * runs one item at a time on a virtual thread of its own, so the connection never serves two queries at once and
 * the order holds even when a completion reaches the script late or never. The connection opens with the first
 * item (mysqljs connects implicitly), to the first address the sandbox's outbound rules resolved the host to (the
 * resolution runs there too, off the JS thread); a fatal error fails every later item with that same error.
 */
final class MysqlSession implements AutoCloseable, BoundedPool.Member {

    private final MysqlConfig config;
    private final ModuleLimits limits;
    private final Duration queryTimeout;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final SessionConnection held = new SessionConnection(queue, "mysql");
    private boolean draining;
    private volatile boolean closed;
    private volatile long lastUsedNanos = System.nanoTime();

    MysqlSession(MysqlConfig config, ModuleLimits limits) {
        this.config = config;
        this.limits = limits;
        this.queryTimeout = limits.queryTimeout();
    }

    /** Queues opening the connection (a no-op when open); completes with the server's connection id. */
    CompletableFuture<Map<String, Object>> connect() {
        return submit(() -> Map.of("threadId", threadId(open())));
    }

    /** Queues one query; completes with {@link MysqlResults}'s description of the outcome. */
    CompletableFuture<Map<String, Object>> query(String sql) {
        return submit(() -> {
            Connection open = open();
            try {
                return MysqlResults.execute(open, sql, queryTimeout);
            } catch (SQLException | RuntimeException e) {
                if (e instanceof ModuleError moduleError) {
                    throw moduleError;
                }
                ModuleError error = MysqlErrors.query(e);
                if (MysqlErrors.isFatal(e)) {
                    held.fail(error);
                }
                throw error;
            }
        });
    }

    /** Queues a graceful close after the work already queued (mysqljs {@code end}). */
    CompletableFuture<Map<String, Object>> end() {
        return submit(() -> {
            held.close();
            closed = true;
            return Map.of();
        });
    }

    /** Whether the script may still use it: not ended, destroyed, or failed. */
    @Override
    public boolean usable() {
        synchronized (queue) {
            return !closed && held.fatal() == null;
        }
    }

    /** Whether no work is queued or running and the connection is open; idle sessions may be {@link #reap}ed. */
    boolean idleAndOpen() {
        synchronized (queue) {
            return !draining && queue.isEmpty() && held.current() != null;
        }
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    /**
     * Closes the connection of an idle session to free the server, keeping the session usable: the next item
     * reconnects. Used for connections scripts open and never end.
     */
    void reap() {
        submit(() -> {
            held.close();
            return Map.of();
        });
    }

    /** Closes at once, failing queued work (mysqljs {@code destroy}). Never blocks the caller. */
    @Override
    public void close() {
        closed = true;
        // Queued items still run, and fail at once: their callers are not left waiting.
        Thread.ofVirtual().name("sluice-mysql-close").start(held::close);
    }

    private <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Runnable item = () -> {
            lastUsedNanos = System.nanoTime();
            try {
                future.complete(work.call());
            } catch (Exception e) {
                future.completeExceptionally(e);
            }
        };
        synchronized (queue) {
            queue.add(item);
            if (!draining) {
                draining = true;
                Thread.ofVirtual().name("sluice-mysql").start(this::drain);
            }
        }
        return future;
    }

    private void drain() {
        while (true) {
            Runnable item;
            synchronized (queue) {
                item = queue.poll();
                if (item == null) {
                    draining = false;
                    return;
                }
            }
            item.run();
        }
    }

    private Connection open() {
        synchronized (queue) {
            ModuleError fatal = held.fatal();
            if (fatal != null) {
                throw fatal;
            }
            if (closed) {
                throw new ModuleError("Cannot enqueue Query after being destroyed.",
                        Map.of("code", "PROTOCOL_ENQUEUE_AFTER_DESTROY", "fatal", false));
            }
            Connection current = held.current();
            if (current != null) {
                return current;
            }
        }
        InetAddress address;
        try {
            address = limits.outbound().resolve(config.host()).getFirst();
        } catch (ModuleError refused) {
            held.fail(refused);
            throw refused;
        }
        try {
            Connection opened = DriverManager.getConnection(config.jdbcUrl(address), config.properties(queryTimeout));
            held.adopt(opened);
            return opened;
        } catch (SQLException | RuntimeException e) {
            ModuleError error = MysqlErrors.connect(e, config);
            held.fail(error);
            throw error;
        }
    }

    private static long threadId(Connection connection) throws SQLException {
        return connection.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).getId();
    }
}
