package dev.sluice.sandbox.modules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Value;

/**
 * The host side of the {@code tedious} module: SQL Server sessions named by small integer ids, over plain values.
 * The facade keeps tedious's state machine (one request at a time per connection); this side resolves the server
 * through the outbound rules, opens sessions through a {@link SqlServerSessions} and runs requests on virtual
 * threads through {@link ModuleHost#runBlocking}.
 */
public final class TediousPrimitive {

    /** Sessions a script opened and left idle beyond this many are closed (and reopen when used again). */
    static final int MAX_IDLE_SESSIONS = 8;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModuleHost host;
    private final SqlServerSessions sessions;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, Link> links = new ConcurrentHashMap<>();

    /** A primitive for one context over Microsoft's JDBC driver. */
    public TediousPrimitive(ModuleHost host) {
        this(host, new MssqlJdbcSessions(host.limits().responseBytes()));
    }

    /** A primitive for one context over {@code sessions} (tests pass a fake). */
    public TediousPrimitive(ModuleHost host, SqlServerSessions sessions) {
        this.host = host;
        this.sessions = sessions;
    }

    /** The host object the facade {@code tedious.js} receives. */
    public Object build() {
        return new HostObject()
                .fn("connect", this::connect)
                .fn("execute", args -> {
                    Link link = link(args);
                    String sql = HostObject.string(args, 1, "sql");
                    List<TdsParameter> parameters = parameters(HostObject.string(args, 2, "parameters"));
                    return blocking(link, args, 3, session -> session.execute(sql, parameters));
                })
                .fn("batch", args -> {
                    Link link = link(args);
                    String sql = HostObject.string(args, 1, "sql");
                    return blocking(link, args, 2, session -> session.batch(sql));
                })
                .fn("close", this::close)
                .build();
    }

    private Object connect(Value... args) {
        SqlServerConfig config = SqlServerConfig.parse(HostObject.string(args, 0, "config"), host.limits());
        HostObject.callback(args, 1);
        Link link = new Link(config);
        int id = ids.incrementAndGet();
        links.put(id, link);
        host.closeWithContext(link);
        reapIdle();
        link.busy = true;
        host.runBlocking(args[1], () -> {
            try {
                link.open();
                return Map.of("id", id);
            } finally {
                link.busy = false;
            }
        });
        return id;
    }

    private Object close(Value... args) {
        int id = id(args);
        Link link = links.remove(id);
        if (link != null) {
            host.forget(link);
            Thread.ofVirtual().name("sluice-tedious-close").start(link::close);
        }
        return null;
    }

    private Object blocking(Link link, Value[] args, int callbackIndex, Work work) {
        HostObject.callback(args, callbackIndex);
        link.busy = true;
        host.runBlocking(args[callbackIndex], () -> {
            try {
                return work.run(link.session());
            } finally {
                link.busy = false;
            }
        });
        return null;
    }

    /** Scripts written for the published templates open a connection per call and never close it. */
    private void reapIdle() {
        List<Link> idle = links.values().stream().filter(Link::idle)
                .sorted(Comparator.comparingLong(link -> link.lastUsedNanos)).toList();
        idle.stream().limit(Math.max(0, idle.size() - MAX_IDLE_SESSIONS)).forEach(Link::reap);
    }

    private static List<TdsParameter> parameters(String json) {
        try {
            List<TdsParameter> out = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json)) {
                JsonNode value = node.path("value");
                Object plain = value.isNull() || value.isMissingNode() ? null
                        : value.isBoolean() ? value.asBoolean()
                        : value.isNumber() ? value.numberValue() : value.asText();
                out.add(new TdsParameter(node.path("name").asText(), node.path("type").asText(),
                        node.path("declaration").asText(), plain));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw ModuleError.withCode("ERR_INVALID_ARG_TYPE", "parameters are not plain data");
        }
    }

    private Link link(Value[] args) {
        Link link = links.get(id(args));
        if (link == null) {
            throw new ModuleError("Requests can only be made in the LoggedIn state, not the Final state",
                    Map.of("code", "EINVALIDSTATE", "errorType", "RequestError"));
        }
        return link;
    }

    private static int id(Value[] args) {
        if (args.length == 0 || !args[0].fitsInInt()) {
            throw ModuleError.withCode("ERR_INVALID_ARG_TYPE", "id must be an integer");
        }
        return args[0].asInt();
    }

    private static String code(ModuleError error) {
        try {
            return JSON.readTree(ModuleError.toJson(error)).path("code").asText();
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    @FunctionalInterface
    private interface Work {
        Object run(TdsSession session) throws Exception;
    }

    /** One script connection: its configuration, and its session while open. */
    private final class Link implements AutoCloseable {
        private final SqlServerConfig requested;
        private SqlServerConfig resolved;
        private TdsSession session;
        private boolean closed;
        volatile boolean busy;
        volatile long lastUsedNanos = System.nanoTime();

        Link(SqlServerConfig requested) {
            this.requested = requested;
        }

        /** Resolves the server through the outbound rules and opens a session. Blocking. */
        void open() {
            SqlServerConfig config;
            try {
                String address = host.limits().outbound().resolve(requested.server()).getFirst().getHostAddress();
                config = requested.withAddress(address);
            } catch (ModuleError e) {
                throw unreachable(e);
            }
            TdsSession opened = sessions.open(config);
            synchronized (this) {
                if (closed) {
                    opened.close();
                    throw new ModuleError("Connection closed before the login completed",
                            Map.of("code", "ESOCKET", "errorType", "ConnectionError"));
                }
                resolved = config;
                session = opened;
            }
        }

        /** The open session; reopens one that {@link #reap} closed. Blocking. */
        TdsSession session() {
            lastUsedNanos = System.nanoTime();
            synchronized (this) {
                if (session != null) {
                    return session;
                }
                if (closed || resolved == null) {
                    throw new ModuleError("Requests can only be made in the LoggedIn state, not the Final state",
                            Map.of("code", "EINVALIDSTATE", "errorType", "RequestError"));
                }
            }
            TdsSession reopened = sessions.open(resolved);
            synchronized (this) {
                session = reopened;
            }
            return reopened;
        }

        synchronized boolean idle() {
            return !busy && session != null;
        }

        void reap() {
            TdsSession current;
            synchronized (this) {
                current = session;
                session = null;
            }
            if (current != null) {
                current.close();
            }
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
            }
            reap();
        }

        private ModuleError unreachable(ModuleError error) {
            if ("ENOTFOUND".equals(code(error))) {
                return new ModuleError("Failed to connect to " + requested.server() + ":" + requested.port()
                        + " - getaddrinfo ENOTFOUND " + requested.server(),
                        Map.of("code", "ESOCKET", "errorType", "ConnectionError"));
            }
            return error;
        }
    }
}
