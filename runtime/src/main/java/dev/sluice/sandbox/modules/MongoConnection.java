package dev.sluice.sandbox.modules;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.spi.dns.InetAddressResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * One script-side {@code MongoClient}: the Java driver's client, opened on a virtual thread and closed by the
 * script or with its context, whichever comes first. Every host the driver resolves (the URL's seed list, replica
 * set members it discovers, hosts behind {@code mongodb+srv}) goes through the sandbox's outbound rules, so the
 * driver connects only to allowed addresses while keeping the host name for TLS.
 */
final class MongoConnection implements AutoCloseable {

    private final ModuleLimits limits;
    private MongoClient client;
    private String defaultDatabase = "test";
    private boolean closed;

    MongoConnection(ModuleLimits limits) {
        this.limits = limits;
    }

    /**
     * Parses {@code url}, checks its hosts against the outbound rules, creates the client and waits until a server
     * answers {@code ping} (the npm driver connects eagerly too). Blocking. Returns the URL's database, or
     * {@code test} when it names none.
     */
    String open(String url) {
        ConnectionString connection = MongoErrors.parse(url);
        if (!connection.isSrvProtocol()) {
            connection.getHosts().forEach(host -> limits.outbound().resolve(hostName(host)));
        }
        MongoClient created = MongoClients.create(settings(connection));
        synchronized (this) {
            if (closed) {
                created.close();
                throw ModuleError.withCode("ERR_CLOSED", "the client was closed while it connected");
            }
            client = created;
            defaultDatabase = Optional.ofNullable(connection.getDatabase()).orElse("test");
        }
        created.getDatabase("admin").runCommand(new BsonDocument("ping", new BsonInt32(1)));
        return defaultDatabase;
    }

    /** The connected driver client; fails like the npm driver when the script closed it. */
    synchronized MongoClient client() {
        if (client == null || closed) {
            throw new ModuleError("MongoClient must be connected to perform this operation",
                    java.util.Map.of("kind", "notConnected"));
        }
        return client;
    }

    @Override
    public void close() {
        MongoClient toClose;
        synchronized (this) {
            closed = true;
            toClose = client;
            client = null;
        }
        if (toClose != null) {
            toClose.close();
        }
    }

    private MongoClientSettings settings(ConnectionString connection) {
        long connectMillis = limits.connectTimeout().toMillis();
        long queryMillis = limits.queryTimeout().toMillis();
        return MongoClientSettings.builder()
                .applyConnectionString(connection)
                .inetAddressResolver(new OutboundResolver(limits.outbound()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(connectMillis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) connectMillis, TimeUnit.MILLISECONDS)
                        .readTimeout((int) queryMillis, TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(pool -> pool.maxWaitTime(queryMillis, TimeUnit.MILLISECONDS))
                .build();
    }

    /** {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port} → the host part without brackets. */
    static String hostName(String seed) {
        if (seed.startsWith("[")) {
            int end = seed.indexOf(']');
            return end < 0 ? seed : seed.substring(1, end);
        }
        int colon = seed.lastIndexOf(':');
        return colon < 0 || seed.indexOf(':') != colon ? seed : seed.substring(0, colon);
    }

    /** Resolves through the outbound rules; a refused host reads as unresolvable to the driver. */
    private record OutboundResolver(OutboundRules rules) implements InetAddressResolver {
        @Override
        public List<InetAddress> lookupByName(String host) throws UnknownHostException {
            try {
                return rules.resolve(host);
            } catch (ModuleError e) {
                throw new UnknownHostException(e.getMessage());
            }
        }
    }
}
