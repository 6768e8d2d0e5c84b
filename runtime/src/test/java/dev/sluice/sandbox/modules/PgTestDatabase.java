package dev.sluice.sandbox.modules;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL the tests use, from {@code SLUICE_TEST_PG_URL}, {@code SLUICE_TEST_PG_USER} and
 * {@code SLUICE_TEST_PG_PASSWORD} (defaults: {@code jdbc:postgresql://127.0.0.1:5432/test},
 * {@code sluice}/{@code sluice}).
 */
record PgTestDatabase(String host, int port, String database, String user, String password) {

    static PgTestDatabase fromEnvironment() {
        String url = env("SLUICE_TEST_PG_URL").orElse("jdbc:postgresql://127.0.0.1:5432/test");
        URI uri = URI.create(url.substring("jdbc:".length()));
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new PgTestDatabase(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path,
                env("SLUICE_TEST_PG_USER").orElse("sluice"), env("SLUICE_TEST_PG_PASSWORD").orElse("sluice"));
    }

    /** The settings as the scripts' {@code configuration}, in the keys of scripts-templates/postgres. */
    Map<String, String> configuration() {
        return Map.of("PG_HOST", host, "PG_PORT", Integer.toString(port), "PG_DATABASE", database, "PG_USER", user,
                "PG_PASSWORD", password, "PG_URL", "postgres://" + user + ":" + password + "@" + host + ":" + port
                        + "/" + database);
    }

    /** Runs statements on a fresh connection. */
    void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/"
                + database, user, password); Statement statement = connection.createStatement()) {
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
