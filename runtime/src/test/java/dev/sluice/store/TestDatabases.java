package dev.sluice.store;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Fresh, empty databases for store tests on the three engines, each dropped again when closed:
 * <ul>
 *   <li>H2: a file database in the given temporary directory.</li>
 *   <li>PostgreSQL ({@code SLUICE_TEST_PG_URL/_USER/_PASSWORD}, defaults {@code jdbc:postgresql://127.0.0.1:5432/test},
 *   sluice/sluice): a new schema created by the test user, selected with {@code currentSchema} in the URL.</li>
 *   <li>MariaDB/MySQL ({@code SLUICE_TEST_MYSQL_URL/_USER/_PASSWORD}, defaults
 *   {@code jdbc:mysql://127.0.0.1:3306/test}, sluice/sluice): the store's {@code users} table would collide with
 *   the legacy tables of {@code test}, so the test user creates a new database {@code sluice_store_*} (bin/services
 *   grants it those) and drops it afterwards.</li>
 * </ul>
 */
public final class TestDatabases {

    /** The engines a store test runs on. */
    public enum Engine { H2, POSTGRESQL, MARIADB }

    /** A fresh database; {@link #close()} drops it. */
    public record Fresh(StoreSettings settings, AutoCloseable dropper) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            dropper.close();
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestDatabases() {
    }

    /** A fresh database on {@code engine}; H2 keeps its files under {@code temporaryDirectory}. */
    public static Fresh fresh(Engine engine, Path temporaryDirectory) {
        return switch (engine) {
            case H2 -> new Fresh(StoreSettings.embedded(temporaryDirectory), () -> { });
            case POSTGRESQL -> postgres();
            case MARIADB -> mariadb();
        };
    }

    private static Fresh postgres() {
        String url = env("SLUICE_TEST_PG_URL").orElse("jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("SLUICE_TEST_PG_USER").orElse("sluice");
        String password = env("SLUICE_TEST_PG_PASSWORD").orElse("sluice");
        String schema = "sluice_store_" + nonce();
        execute(url, user, password, "CREATE SCHEMA " + schema);
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Fresh(StoreSettings.of(schemaUrl, user, password),
                () -> execute(url, user, password, "DROP SCHEMA " + schema + " CASCADE"));
    }

    private static Fresh mariadb() {
        String url = env("SLUICE_TEST_MYSQL_URL").orElse("jdbc:mysql://127.0.0.1:3306/test");
        String user = env("SLUICE_TEST_MYSQL_USER").orElse("sluice");
        String password = env("SLUICE_TEST_MYSQL_PASSWORD").orElse("sluice");
        // bin/services grants the test user every database named sluice_store_*; no administrator needed.
        String database = "sluice_store_" + nonce();
        URI uri = URI.create(url.substring("jdbc:".length()));
        String serverUrl = "jdbc:mysql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 3306 : uri.getPort()) + "/";
        execute(serverUrl, user, password, "CREATE DATABASE " + database);
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new Fresh(StoreSettings.of(serverUrl + database + query, user, password),
                () -> execute(serverUrl, user, password, "DROP DATABASE " + database));
    }

    private static void execute(String url, String user, String password, String... statements) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed: " + e.getMessage(), e);
        }
    }

    private static String nonce() {
        return Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
