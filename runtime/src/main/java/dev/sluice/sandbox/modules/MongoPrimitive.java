package dev.sluice.sandbox.modules;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Value;

/**
 * The host side of the {@code mongodb} module: Java driver clients named by small integer ids, over plain values.
 * Requests and results cross as MongoDB Extended JSON; the Node API and the result shapes of each major version
 * live in {@code mongodb.js}. Every call that reaches the network goes through {@link ModuleHost#runBlocking}.
 */
public final class MongoPrimitive {

    private final ModuleHost host;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, MongoConnection> connections = new ConcurrentHashMap<>();

    /** A primitive for one context. */
    public MongoPrimitive(ModuleHost host) {
        this.host = host;
    }

    /** The host object the facade {@code mongodb.js} receives. */
    public Object build() {
        return new HostObject()
                .fn("connect", this::connect)
                .fn("run", this::run)
                .fn("close", this::close)
                .build();
    }

    /** {@code connect(url, cb)}: calls back with {@code {id, db}} (the URL's database) once a server answered. */
    private Object connect(Value... args) {
        String url = HostObject.string(args, 0, "url");
        MongoConnection connection = new MongoConnection(host.limits());
        int id = ids.incrementAndGet();
        connections.put(id, connection);
        host.closeWithContext(connection);
        return blocking(args, 1, () -> {
            try {
                return Map.of("id", id, "db", connection.open(url));
            } catch (RuntimeException e) {
                connections.remove(id);
                connection.close();
                throw e;
            }
        });
    }

    /** {@code run(id, requestJson, cb)}: calls back with the outcome as canonical Extended JSON. */
    private Object run(Value... args) {
        MongoConnection connection = connection(args);
        String request = HostObject.string(args, 1, "request");
        long maxBytes = host.limits().responseBytes();
        return blocking(args, 2, () -> MongoOperations.execute(connection, request, maxBytes));
    }

    /** {@code close(id, cb)}: closes the client; closing twice is not an error. */
    private Object close(Value... args) {
        MongoConnection connection = connections.remove(id(args));
        if (connection != null) {
            host.forget(connection);
        }
        return blocking(args, 1, () -> {
            if (connection != null) {
                connection.close();
            }
            return Map.of();
        });
    }

    private Object blocking(Value[] args, int callbackIndex, Callable<?> work) {
        host.runBlocking(HostObject.callback(args, callbackIndex), () -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw MongoErrors.translate(e);
            }
        });
        return null;
    }

    private MongoConnection connection(Value[] args) {
        MongoConnection connection = connections.get(id(args));
        if (connection == null) {
            throw new ModuleError("MongoClient must be connected to perform this operation",
                    Map.of("kind", "notConnected"));
        }
        return connection;
    }

    private static int id(Value[] args) {
        if (args.length == 0 || !args[0].fitsInInt()) {
            throw ModuleError.withCode("ERR_INVALID_ARG_TYPE", "id must be an integer");
        }
        return args[0].asInt();
    }
}
