package dev.sluice.sandbox.modules;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Value;

/**
 * The host side of the {@code mysql} module: JDBC connections and pools named by small integer ids, over plain
 * values. SQL arrives fully formatted (the facade escapes values exactly as mysqljs does); results leave as JSON for
 * the facade to type-cast. Every blocking call goes through {@link ModuleHost#runBlocking}.
 */
public final class MysqlPrimitive {

    /** Connections a script opened and left idle beyond this many are closed (and reopen when used again). */
    static final int MAX_IDLE_CONNECTIONS = 8;

    private final ModuleHost host;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, MysqlSession> sessions = new ConcurrentHashMap<>();
    private final Map<Integer, MysqlSession> standalone = new ConcurrentHashMap<>();
    private final Map<Integer, MysqlPool> pools = new ConcurrentHashMap<>();
    private final Map<Integer, MysqlPool> leases = new ConcurrentHashMap<>();
    private final Map<Integer, ModuleHost.Lane> lanes = new ConcurrentHashMap<>();

    /** A primitive for one context. */
    public MysqlPrimitive(ModuleHost host) {
        this.host = host;
    }

    /** The host object the facade {@code mysql.js} receives. */
    public Object build() {
        return new HostObject()
                .fn("open", this::open)
                .fn("connect", this::connect)
                .fn("query", this::query)
                .fn("end", this::end)
                .fn("destroy", this::destroy)
                .fn("poolOpen", this::poolOpen)
                .fn("poolQuery", args -> {
                    MysqlPool pool = pool(args);
                    String sql = HostObject.string(args, 1, "sql");
                    return blocking(args, 2, () -> pool.query(sql));
                })
                .fn("poolAcquire", this::poolAcquire)
                .fn("release", this::release)
                .fn("poolEnd", this::poolEnd)
                .build();
    }

    private Object open(Value... args) {
        MysqlConfig config = MysqlConfig.parse(HostObject.string(args, 0, "config"), host.limits());
        MysqlSession session = new MysqlSession(config, host.limits());
        int id = ids.incrementAndGet();
        sessions.put(id, session);
        standalone.put(id, session);
        host.closeWithContext(session);
        reapIdle();
        return id;
    }

    // The work is queued here, on the JS thread, so that it runs in the order the script issued it.
    private Object connect(Value... args) {
        HostObject.callback(args, 1);
        var connected = session(args).connect();
        return inLane(args, 1, () -> QueuedWork.await(connected));
    }

    private Object query(Value... args) {
        MysqlSession session = session(args);
        String sql = HostObject.string(args, 1, "sql");
        HostObject.callback(args, 2);
        var result = session.query(sql);
        return inLane(args, 2, () -> QueuedWork.await(result));
    }

    private Object end(Value... args) {
        int id = id(args);
        MysqlSession session = session(args);
        HostObject.callback(args, 1);
        forgetSession(id, session);
        var ended = session.end();
        inLane(args, 1, () -> QueuedWork.await(ended));
        lanes.remove(id); // the pending completions keep the lane; nothing else may join it after end()
        return null;
    }

    private Object destroy(Value... args) {
        int id = id(args);
        MysqlSession session = session(args);
        forgetSession(id, session);
        Optional.ofNullable(leases.remove(id)).ifPresentOrElse(pool -> pool.discard(session), session::close);
        return null;
    }

    private Object poolOpen(Value... args) {
        MysqlConfig config = MysqlConfig.parse(HostObject.string(args, 0, "config"), host.limits());
        MysqlPool pool = new MysqlPool(config, host.limits());
        int id = ids.incrementAndGet();
        pools.put(id, pool);
        host.closeWithContext(pool);
        return id;
    }

    private Object poolAcquire(Value... args) {
        MysqlPool pool = pool(args);
        return blocking(args, 1, () -> {
            MysqlSession session = pool.acquire();
            int id = ids.incrementAndGet();
            sessions.put(id, session);
            leases.put(id, pool);
            return Map.of("id", id, "threadId", QueuedWork.await(session.connect()).get("threadId"));
        });
    }

    private Object release(Value... args) {
        int id = id(args);
        MysqlPool pool = leases.remove(id);
        MysqlSession session = sessions.remove(id);
        if (pool != null && session != null) {
            pool.release(session);
        }
        return null;
    }

    private Object poolEnd(Value... args) {
        MysqlPool pool = pool(args);
        pools.remove(id(args));
        host.forget(pool);
        return blocking(args, 1, () -> {
            pool.end();
            return Map.of();
        });
    }

    // One connection's callbacks reach the script in the order its work was queued, as in mysqljs.
    private Object inLane(Value[] args, int callbackIndex, java.util.concurrent.Callable<?> work) {
        HostObject.callback(args, callbackIndex);
        host.runBlocking(args[callbackIndex], work, lanes.computeIfAbsent(id(args), id -> host.newLane()));
        return null;
    }

    private Object blocking(Value[] args, int callbackIndex, java.util.concurrent.Callable<?> work) {
        HostObject.callback(args, callbackIndex);
        host.runBlocking(args[callbackIndex], work);
        return null;
    }

    private void forgetSession(int id, MysqlSession session) {
        sessions.remove(id);
        if (standalone.remove(id) != null) {
            host.forget(session);
        }
    }

    /** Scripts written for the published templates open a connection per call and never end it. */
    private void reapIdle() {
        var idle = standalone.values().stream().filter(MysqlSession::idleAndOpen)
                .sorted(Comparator.comparingLong(MysqlSession::lastUsedNanos)).toList();
        idle.stream().limit(Math.max(0, idle.size() - MAX_IDLE_CONNECTIONS)).forEach(MysqlSession::reap);
    }

    private MysqlSession session(Value[] args) {
        MysqlSession session = sessions.get(id(args));
        if (session == null) {
            throw ModuleError.withCode("PROTOCOL_ENQUEUE_AFTER_QUIT", "Cannot enqueue Query after invoking quit.");
        }
        return session;
    }

    private MysqlPool pool(Value[] args) {
        MysqlPool pool = pools.get(id(args));
        if (pool == null) {
            throw ModuleError.withCode("POOL_CLOSED", "Pool is closed.");
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
