package dev.sluice.cli;

import dev.sluice.config.DatabaseConfig;
import dev.sluice.config.SluiceConfig;
import dev.sluice.http.HttpSettings;
import dev.sluice.http.RouteGroups;
import dev.sluice.http.SluiceHttpServer;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.RuntimeSettings;
import dev.sluice.sandbox.modules.Modules;
import dev.sluice.store.Database;
import dev.sluice.store.StoreSettings;
import dev.sluice.token.FileSigningKeyStore;
import dev.sluice.token.Jwks;
import dev.sluice.token.SigningKeys;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One running server: the store, the signing keys, the sandbox runner and the HTTP server, wired from the
 * configuration. {@link #close()} stops them in reverse order.
 */
final class ServerNode implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServerNode.class.getName());
    /** Retired signing keys kept published after a rotation (tokens signed just before it stay valid). */
    private static final int RETIRED_KEYS_KEPT = 2;

    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private SluiceHttpServer server;
    private String truffleRuntime;

    private ServerNode() {
    }

    /**
     * Opens everything {@code config} names, in order: store (migrated), signing keys, sandbox, HTTP server.
     * Blocking. On failure whatever was opened is closed again and the exception propagates.
     */
    static ServerNode start(SluiceConfig config) {
        ServerNode node = new ServerNode();
        try {
            node.open(config);
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    private void open(SluiceConfig config) {
        Database database = Database.open(storeSettings(config));
        open.push(database);
        SigningKeys keys = SigningKeys.open(new FileSigningKeyStore(config.data().directory(),
                config.encryptionKey().bytes()), Clock.systemUTC(), RETIRED_KEYS_KEPT);
        GraalScriptRunner runner = new GraalScriptRunner(RuntimeSettings.defaults(), Modules.builtIn());
        open.push(runner);
        truffleRuntime = runner.health().truffleRuntime();
        server = SluiceHttpServer.start(HttpSettings.of(config.server()), config.issuer(), new Jwks(keys),
                new ServerHealth(runner, database.dataSource()), RouteGroups.none()
                        .withOAuth(oauth(config, database, keys))
                        .withConnections(connections(config, database, runner))
                        .withLogins(logins(config, database, runner))
                        .withUsers(new StoreUserDirectory(new dev.sluice.user.JdbcUserStore(database)))
                        .withSignups(signups(config, database, runner)));
        open.push(server);
    }

    /** The client-credentials grant and the clients API: tokens for {@code {issuer}api/v2/}, clients in the store. */
    private static dev.sluice.http.OAuthServices oauth(SluiceConfig config, Database database, SigningKeys keys) {
        dev.sluice.token.TokenSettings tokens = dev.sluice.token.TokenSettings.defaults(config.issuer().url());
        return new dev.sluice.http.OAuthServices(
                new dev.sluice.token.TokenIssuer(keys, tokens, Clock.systemUTC()),
                new dev.sluice.token.TokenVerifier(keys, tokens, Clock.systemUTC()),
                new dev.sluice.client.ClientStore(database.dataSource(), config.encryptionKey().asAesKey(),
                        new java.security.SecureRandom(), Clock.systemUTC()),
                config.adminClient());
    }

    private static dev.sluice.connection.Connections connections(SluiceConfig config, Database database,
            GraalScriptRunner runner) {
        return new dev.sluice.connection.Connections(new dev.sluice.connection.JdbcConnectionStore(
                database.dataSource(), database.dialect(),
                new dev.sluice.connection.ConfigurationCipher(config.encryptionKey().asAesKey()), Clock.systemUTC()),
                new SandboxScriptValidator(runner, dev.sluice.sandbox.ScriptPolicy.defaults()));
    }

    /** The password-realm grant's logins: connections by name, the own store, the sandbox (docs/migration.md). */
    private static dev.sluice.migration.PasswordLogins logins(SluiceConfig config, Database database,
            GraalScriptRunner runner) {
        dev.sluice.migration.LoginFlow flow = new dev.sluice.migration.LoginFlow(
                new dev.sluice.user.JdbcUserStore(database),
                new dev.sluice.user.PasswordHasher(config.passwords().bcryptCost()), runner,
                dev.sluice.migration.LoginFlow.legacyStorePolicy(dev.sluice.sandbox.ScriptPolicy.defaults()));
        return new dev.sluice.migration.PasswordLogins(new dev.sluice.connection.JdbcConnectionStore(
                database.dataSource(), database.dialect(),
                new dev.sluice.connection.ConfigurationCipher(config.encryptionKey().asAesKey()), Clock.systemUTC()),
                flow);
    }

    /** {@code POST /dbconnections/signup}: connections by name, the own store, the sandbox (docs/migration.md). */
    private static dev.sluice.migration.Signups signups(SluiceConfig config, Database database,
            GraalScriptRunner runner) {
        dev.sluice.migration.SignupFlow flow = new dev.sluice.migration.SignupFlow(
                new dev.sluice.user.JdbcUserStore(database),
                new dev.sluice.user.PasswordHasher(config.passwords().bcryptCost()), runner,
                dev.sluice.migration.LoginFlow.legacyStorePolicy(dev.sluice.sandbox.ScriptPolicy.defaults()));
        return new dev.sluice.migration.Signups(logins(config, database, runner), flow);
    }

    private static StoreSettings storeSettings(SluiceConfig config) {
        DatabaseConfig db = config.database();
        if (db.equals(DatabaseConfig.embedded(config.data().directory()))) {
            return StoreSettings.embedded(config.data().directory()); // the pool, not H2's shutdown hook, closes it
        }
        return StoreSettings.of(db.url(), db.user().orElse(""), db.password().orElse(""));
    }

    /** The port the HTTP server listens on. */
    int port() {
        return server.port();
    }

    /** The Truffle runtime the sandbox runs on ({@code Interpreted} without a matching JIT). */
    String truffleRuntime() {
        return truffleRuntime;
    }

    /** Stops the HTTP server, then the sandbox, then the store. Idempotent; logs what fails to close. */
    @Override
    public synchronized void close() {
        while (!open.isEmpty()) {
            AutoCloseable resource = open.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "cannot close " + resource.getClass().getSimpleName(), e);
            }
        }
    }
}
