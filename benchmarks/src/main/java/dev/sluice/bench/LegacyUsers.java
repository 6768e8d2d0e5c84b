package dev.sluice.bench;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The legacy user tables of the benchmarks, with passwords stored as bcrypt cost-10 hashes ({@code $2b$}, as npm
 * {@code bcrypt} writes them): one user for the MariaDB login benchmark ({@link #create}), many users in the table
 * layout of the MySQL template for the HTTP login driver ({@link #createTemplateTable}). The database comes from
 * {@code SLUICE_BENCH_MYSQL_URL}, {@code _USER} and {@code _PASSWORD} (defaults: the test MariaDB of bin/services).
 */
final class LegacyUsers {

    static final String TABLE = "sluice_bench_users";
    static final String EMAIL = "ann@example.com";
    static final String PASSWORD = "correct horse battery staple";
    static final int COST = 10;

    private final String url = env("SLUICE_BENCH_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/test");
    private final String user = env("SLUICE_BENCH_MYSQL_USER", "sluice");
    private final String password = env("SLUICE_BENCH_MYSQL_PASSWORD", "sluice");

    /** Creates (or re-creates) the table with the one user and returns the stored hash. */
    String create() {
        String hash = hash();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE + " (id INT AUTO_INCREMENT PRIMARY KEY,"
                    + " nickname VARCHAR(100), email VARCHAR(200) NOT NULL UNIQUE, password VARCHAR(100))");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + TABLE + " (nickname, email, password) VALUES (?, ?, ?)")) {
                insert.setString(1, "ann");
                insert.setString(2, EMAIL);
                insert.setString(3, hash);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare " + TABLE + " at " + url + " (is bin/services up?)", e);
        }
        return hash;
    }

    /**
     * Creates (or re-creates) {@code table} with the columns of scripts-templates/mysql/README.md and {@code count}
     * users: {@code templateEmail(0)} .. {@code templateEmail(count - 1)}, all with {@link #PASSWORD}. They share one
     * hash (computed once): each row is still its own user to look up and verify, and hashing thousands of rows at
     * cost 10 would take minutes.
     */
    void createTemplateTable(String table, int count) {
        String hash = hash();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
            statement.execute("CREATE TABLE " + table + " (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " nickname VARCHAR(255), email VARCHAR(255) NOT NULL UNIQUE, password VARCHAR(255),"
                    + " email_verified TINYINT(1) NOT NULL DEFAULT 0) DEFAULT CHARSET = utf8mb4");
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + table + " (nickname, email, password) VALUES (?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    insert.setString(1, "legacy " + i);
                    insert.setString(2, templateEmail(i));
                    insert.setString(3, hash);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare " + table + " at " + url + " (is bin/services up?)", e);
        }
    }

    /** The email of the {@code i}-th user of {@link #createTemplateTable}. */
    static String templateEmail(int i) {
        return "legacy-%06d@example.com".formatted(i);
    }

    void drop() {
        drop(TABLE);
    }

    void drop(String table) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop " + table, e);
        }
    }

    /** The script's {@code configuration}: where the script connects, as an operator would configure it. */
    Map<String, String> configuration() {
        URI address = address();
        return Map.of("DB_HOST", address.getHost(), "DB_PORT", Integer.toString(address.getPort()),
                "DB_USER", user, "DB_PASSWORD", password, "DB_NAME", address.getPath().substring(1));
    }

    /** The MySQL template's {@code configuration} (scripts-templates/mysql/README.md) for the same database. */
    Map<String, String> templateConfiguration() {
        URI address = address();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("MYSQL_HOST", address.getHost());
        out.put("MYSQL_PORT", Integer.toString(address.getPort() < 0 ? 3306 : address.getPort()));
        out.put("MYSQL_USER", user);
        out.put("MYSQL_PASSWORD", password);
        out.put("MYSQL_DATABASE", address.getPath().substring(1));
        return out;
    }

    private URI address() {
        return URI.create(url.substring("jdbc:".length()));
    }

    private static String hash() {
        return new String(BCrypt.with(BCrypt.Version.VERSION_2B).hash(COST, PASSWORD.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.US_ASCII);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
