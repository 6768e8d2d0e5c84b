package dev.sluice.sandbox.modules;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

/**
 * The MariaDB/MySQL the tests use, from {@code SLUICE_TEST_MYSQL_URL}, {@code SLUICE_TEST_MYSQL_USER} and
 * {@code SLUICE_TEST_MYSQL_PASSWORD} (defaults: {@code jdbc:mysql://127.0.0.1:3306/test}, {@code sluice}/{@code sluice}).
 */
record MysqlTestDatabase(String host, int port, String database, String user, String password) {

    static MysqlTestDatabase fromEnvironment() {
        String url = env("SLUICE_TEST_MYSQL_URL").orElse("jdbc:mysql://127.0.0.1:3306/test");
        URI uri = URI.create(url.substring("jdbc:".length()));
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new MysqlTestDatabase(uri.getHost(), uri.getPort() < 0 ? 3306 : uri.getPort(), path,
                env("SLUICE_TEST_MYSQL_USER").orElse("sluice"), env("SLUICE_TEST_MYSQL_PASSWORD").orElse("sluice"));
    }

    /** The settings as the scripts' {@code configuration}. */
    Map<String, String> configuration() {
        return Map.of("DB_HOST", host, "DB_PORT", Integer.toString(port), "DB_NAME", database, "DB_USER", user,
                "DB_PASSWORD", password);
    }

    /** The facade's JSON options for this database. */
    String optionsJson() {
        return "{\"host\":\"" + host + "\",\"port\":" + port + ",\"user\":\"" + user + "\",\"password\":\""
                + password + "\",\"database\":\"" + database + "\"}";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + host + ":" + port + "/" + database
                + "?sslMode=DISABLED", user, password);
    }

    /** Runs statements on a fresh connection. */
    void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed: " + e.getMessage(), e);
        }
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
