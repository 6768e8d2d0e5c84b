package dev.sluice.migration;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

/**
 * A legacy {@code users} table of its own in the test MariaDB ({@code SLUICE_TEST_MYSQL_URL}, {@code _USER},
 * {@code _PASSWORD}; defaults {@code jdbc:mysql://127.0.0.1:3306/test}, {@code sluice}/{@code sluice}).
 */
record LegacyDatabase(String host, int port, String database, String user, String password, String table) {

    static LegacyDatabase fromEnvironment(String table) {
        String url = env("SLUICE_TEST_MYSQL_URL").orElse("jdbc:mysql://127.0.0.1:3306/test");
        URI uri = URI.create(url.substring("jdbc:".length()));
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new LegacyDatabase(uri.getHost(), uri.getPort() < 0 ? 3306 : uri.getPort(), path,
                env("SLUICE_TEST_MYSQL_USER").orElse("sluice"), env("SLUICE_TEST_MYSQL_PASSWORD").orElse("sluice"),
                table);
    }

    /** The connection's {@code configuration}: where the login script finds the legacy table. */
    Map<String, String> configuration() {
        return Map.of("DB_HOST", host, "DB_PORT", Integer.toString(port), "DB_NAME", database, "DB_USER", user,
                "DB_PASSWORD", password, "DB_TABLE", table);
    }

    /** A fresh, empty legacy table. */
    void create() {
        execute("DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " (id INT PRIMARY KEY, nickname "
                + "VARCHAR(100), email VARCHAR(200) NOT NULL UNIQUE, password VARCHAR(100))");
    }

    void drop() {
        execute("DROP TABLE IF EXISTS " + table);
    }

    void insert(int id, String nickname, String email, String bcryptHash) {
        try (Connection connection = connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                     + " (id, nickname, email, password) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, id);
            insert.setString(2, nickname);
            insert.setString(3, email);
            insert.setString(4, bcryptHash);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("legacy insert failed: " + e.getMessage(), e);
        }
    }

    private void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("legacy database setup failed: " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + host + ":" + port + "/" + database + "?sslMode=DISABLED",
                user, password);
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
