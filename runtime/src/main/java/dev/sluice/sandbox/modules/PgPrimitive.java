package dev.sluice.sandbox.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Value;

/**
 * The host side of the {@code pg} module: JDBC clients and pools named by small integer ids, over plain values.
 * Query values arrive as JSON already prepared as node-postgres prepares them (text, null, or bytes); results leave
 * as the server's text for the facade to parse. Every blocking call goes through {@link ModuleHost#runBlocking}.
 */
public final class PgPrimitive {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModuleHost host;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, PgSession> sessions = new ConcurrentHashMap<>();
    private final Map<Integer, PgPool> pools = new ConcurrentHashMap<>();
    private final Map<Integer, PgPool> leases = new ConcurrentHashMap<>();
    private final Map<Integer, ModuleHost.Lane> lanes = new ConcurrentHashMap<>();

    /** A primitive for one context. */
    public PgPrimitive(ModuleHost host) {
        this.host = host;
    }

    /** The host object the facade {@code pg.js} receives. */
    public Object build() {
        return new HostObject()
                .fn("open", this::open)
                .fn("connect", args -> {
                    var connected = session(args).connect();
                    return inLane(args, 1, () -> QueuedWork.await(connected));
                })
                .fn("query", args -> {
                    PgSession session = session(args);
                    String sql = HostObject.string(args, 1, "query text");
                    JsonNode values = values(args);
                    HostObject.callback(args, 3);
                    var result = session.query(sql, values);
                    return inLane(args, 3, () -> QueuedWork.await(result));
                })
                .fn("end", this::end)
                .fn("poolOpen", this::poolOpen)
                .fn("poolQuery", args -> {
                    PgPool pool = pool(args);
                    String sql = HostObject.string(args, 1, "query text");
                    JsonNode values = values(args);
                    return blocking(args, 3, () -> pool.query(sql, values));
                })
                .fn("poolAcquire", this::poolAcquire)
                .fn("release", this::release)
                .fn("poolEnd", this::poolEnd)
                .build();
    }

    private Object open(Value... args) {
        PgConfig config = PgConfig.parse(HostObject.string(args, 0, "config"), host.limits());
        PgSession session = new PgSession(config, host.limits());
        int id = ids.incrementAndGet();
        sessions.put(id, session);
        host.closeWithContext(session);
        return id;
    }

    private Object end(Value... args) {
        int id = id(args);
        PgSession session = session(args);
        HostObject.callback(args, 1);
        sessions.remove(id);
        Optional<PgPool> pool = Optional.ofNullable(leases.remove(id));
        if (pool.isPresent()) {
            lanes.remove(id);
            pool.get().release(session, true);
            return blocking(args, 1, Map::of);
        }
        host.forget(session);
        var ended = session.end();
        inLane(args, 1, () -> QueuedWork.await(ended));
        lanes.remove(id); // the pending completions keep the lane; nothing else may join it after end()
        return null;
    }

    private Object poolOpen(Value... args) {
        PgConfig config = PgConfig.parse(HostObject.string(args, 0, "config"), host.limits());
        PgPool pool = new PgPool(config, host.limits());
        int id = ids.incrementAndGet();
        pools.put(id, pool);
        host.closeWithContext(pool);
        return id;
    }

    private Object poolAcquire(Value... args) {
        PgPool pool = pool(args);
        return blocking(args, 1, () -> {
            PgSession session = pool.acquire();
            int id = ids.incrementAndGet();
            sessions.put(id, session);
            leases.put(id, pool);
            return Map.of("id", id);
        });
    }

    /** {@code release(id, destroy)}: gives a pooled client back, or closes it when {@code destroy} is true. */
    private Object release(Value... args) {
        int id = id(args);
        boolean destroy = args.length > 1 && args[1].isBoolean() && args[1].asBoolean();
        PgPool pool = leases.remove(id);
        PgSession session = sessions.remove(id);
        lanes.remove(id);
        if (pool != null && session != null) {
            pool.release(session, destroy);
        }
        return null;
    }

    private Object poolEnd(Value... args) {
        PgPool pool = pool(args);
        pools.remove(id(args));
        host.forget(pool);
        return blocking(args, 1, () -> {
            pool.end();
            return Map.of();
        });
    }

    private static JsonNode values(Value[] args) {
        if (args.length < 3 || args[2].isNull()) {
            return null;
        }
        try {
            JsonNode values = JSON.readTree(HostObject.string(args, 2, "values"));
            if (!values.isArray()) {
                throw ModuleError.withCode("ERR_INVALID_ARG_TYPE", "values must be an array");
            }
            return values;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ModuleError.withCode("ERR_INVALID_ARG_TYPE", "values must be plain data");
        }
    }

    private Object blocking(Value[] args, int callbackIndex, Callable<?> work) {
        HostObject.callback(args, callbackIndex);
        host.runBlocking(args[callbackIndex], work);
        return null;
    }

    // One client's callbacks reach the script in the order its queries were issued, as in node-postgres.
    private Object inLane(Value[] args, int callbackIndex, Callable<?> work) {
        HostObject.callback(args, callbackIndex);
        host.runBlocking(args[callbackIndex], work, lanes.computeIfAbsent(id(args), id -> host.newLane()));
        return null;
    }

    private PgSession session(Value[] args) {
        PgSession session = sessions.get(id(args));
        if (session == null) {
            throw ModuleError.withCode("ERR_CLIENT_CLOSED", "Client was closed and is not queryable");
        }
        return session;
    }

    private PgPool pool(Value[] args) {
        PgPool pool = pools.get(id(args));
        if (pool == null) {
            throw ModuleError.withCode("ERR_POOL_ENDED", "Cannot use a pool after calling end on the pool");
        }
        return pool;
    }

    private static int id(Value[] args) {
        if (args.length == 0 || !args[0].fitsInInt()) {
            throw ModuleError.withCode("ERR_INVALID_ARG_TYPE", "id must be an integer");
        }
        return args[0].asInt();
    }
}
