package dev.sluice.sandbox.modules;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One JDBC connection as a node-postgres {@code Client} sees it: work runs one item at a time, in the order the
 * script submitted it, each on a virtual thread (node-postgres's query queue). The connection opens with the first
 * item: the host is resolved through the sandbox's outbound rules there, off the JS thread, and pgjdbc connects
 * only to the addresses they allowed. A failed connect or a lost connection fails every later item with that error.
 */
final class PgSession implements AutoCloseable, BoundedPool.Member {

    private static final Executor VIRTUAL = task -> Thread.ofVirtual().name("sluice-pg").start(task);

    private final PgConfig config;
    private final ModuleLimits limits;
    private final Object lock = new Object();
    private final SessionConnection held = new SessionConnection(lock, "pg");
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    private volatile boolean closed;

    PgSession(PgConfig config, ModuleLimits limits) {
        this.config = config;
        this.limits = limits;
    }

    /** Queues opening the connection (a no-op when open). */
    CompletableFuture<Map<String, Object>> connect() {
        return submit(() -> {
            open();
            return Map.of();
        });
    }

    /** Queues one query ({@code values} null for a simple query); completes with {@link PgResults}'s description. */
    CompletableFuture<Object> query(String sql, JsonNode values) {
        return submit(() -> {
            Connection open = open();
            try {
                return PgResults.execute(open, sql, values, limits.responseBytes());
            } catch (SQLException | RuntimeException e) {
                ModuleError error = PgErrors.query(e);
                if (PgErrors.isFatal(e)) {
                    held.fail(error);
                }
                throw error;
            }
        });
    }

    /** Queues a graceful close after the work already queued (node-postgres {@code end}). */
    CompletableFuture<Map<String, Object>> end() {
        return submit(() -> {
            closed = true;
            held.close();
            return Map.of();
        });
    }

    /** Whether a pool may hand it out again: not closed and no connection failure. */
    @Override
    public boolean usable() {
        synchronized (lock) {
            return !closed && held.fatal() == null;
        }
    }

    /** Closes at once; work still queued fails. Never blocks the caller. */
    @Override
    public void close() {
        closed = true;
        Thread.ofVirtual().name("sluice-pg-close").start(held::close);
    }

    private <T> CompletableFuture<T> submit(Callable<T> work) {
        synchronized (lock) {
            CompletableFuture<T> next = tail.handle((ignored, error) -> null).thenApplyAsync(ignored -> {
                try {
                    return work.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, VIRTUAL);
            tail = next;
            return next;
        }
    }

    private Connection open() {
        synchronized (lock) {
            ModuleError fatal = held.fatal();
            if (fatal != null) {
                throw fatal;
            }
            if (closed) {
                throw ModuleError.withCode("ERR_CLIENT_CLOSED", "Client was closed and is not queryable");
            }
            Connection current = held.current();
            if (current != null) {
                return current;
            }
        }
        try {
            List<InetAddress> addresses = limits.outbound().resolve(config.host());
            Connection opened = DriverManager.getConnection(config.jdbcUrl(addresses), config.properties());
            held.adopt(opened);
            return opened;
        } catch (SQLException | RuntimeException e) {
            ModuleError error = PgErrors.connect(e, config);
            held.fail(error);
            throw error;
        }
    }

}
