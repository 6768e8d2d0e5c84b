package dev.sluice.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The own store's database: a HikariCP pool over the configured JDBC URL, with the schema brought up to date by
 * Flyway from {@code db/migration} when it opens. One instance per process, created by the CLI and closed on
 * shutdown; the other packages receive its {@link DataSource}.
 */
public final class Database implements AutoCloseable {

    private static final String MIGRATIONS = "classpath:db/migration";

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final Flyway flyway;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.flyway = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .placeholders(Map.of("table_options", dialect.tableOptions()))
                .load();
    }

    /**
     * Opens the pool and migrates the schema. Blocking: waits for the database (up to the pool's connection
     * timeout) and for the migrations.
     *
     * @throws StoreException when the database cannot be reached or a migration fails; nothing stays open then
     */
    public static Database open(StoreSettings settings) {
        HikariDataSource pool = pool(settings);
        try {
            Database database = new Database(pool, settings.dialect());
            database.migrate();
            return database;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Applies the migrations not yet applied; a second call is a no-op. Blocking.
     *
     * @return how many migrations ran
     * @throws StoreException when a migration fails or the applied ones no longer match the files
     */
    public int migrate() {
        try {
            return flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreException("schema migration failed: " + e.getMessage(), e);
        }
    }

    /** The pooled data source; connections are in auto-commit mode. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The database family behind the URL. */
    public Dialect dialect() {
        return dialect;
    }

    /** Closes the pool (and with it an embedded H2 database). Idempotent. */
    @Override
    public void close() {
        dataSource.close();
    }

    private static HikariDataSource pool(StoreSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("sluice-store");
        config.setJdbcUrl(settings.url());
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setConnectionTimeout(10_000);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            // Hikari's message names the pool, not the password; the URL is safe to show.
            throw new StoreException("cannot open the store at " + settings.url() + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
