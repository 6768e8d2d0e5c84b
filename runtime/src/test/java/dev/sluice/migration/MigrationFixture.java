package dev.sluice.migration;

import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.Sandboxes;
import dev.sluice.store.Database;
import dev.sluice.store.TestDatabases;
import dev.sluice.user.JdbcUserStore;
import dev.sluice.user.PasswordHasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the migration flow tests share, registered as a static {@code @RegisterExtension} field: for the class, the
 * own store on H2 in a temporary directory, the real sandbox and a cost-4 hasher; for each test, a legacy table of
 * its own in the test MariaDB ({@link LegacyDatabase}) holding one user — id 4711, nickname {@code ann}, the email
 * the test class asks for, password {@link #PASSWORD} — and a connection name of its own.
 */
final class MigrationFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    static final String PASSWORD = "correct horse battery";

    private final String tablePrefix;
    private final String seededEmail;
    private Path directory;
    private TestDatabases.Fresh fresh;
    private Database database;
    private JdbcUserStore users;
    private GraalScriptRunner runner;
    private PasswordHasher hasher;
    private LegacyDatabase legacy;
    private String connectionName;

    /** Legacy tables are named {@code tablePrefix} + a random suffix; the seeded user has {@code seededEmail}. */
    MigrationFixture(String tablePrefix, String seededEmail) {
        this.tablePrefix = tablePrefix;
        this.seededEmail = seededEmail;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("sluice-migration-");
        fresh = TestDatabases.fresh(TestDatabases.Engine.H2, directory);
        database = Database.open(fresh.settings());
        users = new JdbcUserStore(database);
        runner = Sandboxes.runner();
        hasher = new PasswordHasher(4);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        runner.close();
        database.close();
        fresh.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        legacy = LegacyDatabase.fromEnvironment(tablePrefix + suffix);
        legacy.create();
        legacy.insert(4711, "ann", seededEmail, hasher.hash(PASSWORD));
        connectionName = "legacy-" + suffix;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        legacy.drop();
    }

    JdbcUserStore users() {
        return users;
    }

    GraalScriptRunner runner() {
        return runner;
    }

    PasswordHasher hasher() {
        return hasher;
    }

    /** This test's legacy table. */
    LegacyDatabase legacy() {
        return legacy;
    }

    /** This test's connection name. */
    String connectionName() {
        return connectionName;
    }
}
