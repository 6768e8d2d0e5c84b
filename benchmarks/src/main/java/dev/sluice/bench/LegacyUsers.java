package dev.sluice.bench;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The legacy user table of the MariaDB login benchmark: one user whose password is stored as a bcrypt cost-10 hash
 * ({@code $2b$}, as npm {@code bcrypt} writes them). The database comes from {@code SLUICE_BENCH_MYSQL_URL},
 * {@code _USER} and {@code _PASSWORD} (defaults: the test MariaDB of bin/services).
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
        String hash = new String(BCrypt.with(BCrypt.Version.VERSION_2B)
                .hash(COST, PASSWORD.getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII);
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

    void drop() {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop " + TABLE, e);
        }
    }

    /** The script's {@code configuration}: where the script connects, as an operator would configure it. */
    Map<String, String> configuration() {
        URI address = URI.create(url.substring("jdbc:".length()));
        return Map.of("DB_HOST", address.getHost(), "DB_PORT", Integer.toString(address.getPort()),
                "DB_USER", user, "DB_PASSWORD", password, "DB_NAME", address.getPath().substring(1));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
