package dev.sluice.tests;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The test PostgreSQL, from {@code SLUICE_TEST_PG_URL}, {@code SLUICE_TEST_PG_USER} and {@code SLUICE_TEST_PG_PASSWORD}
 * (defaults: {@code jdbc:postgresql://127.0.0.1:5432/test}, {@code sluice}/{@code sluice}). {@code bin/services}
 * lets the test user create schemas in that database.
 */
record TestPostgres(String host, int port, String database, String user, String password) {

    static TestPostgres fromEnvironment() {
        String url = env("SLUICE_TEST_PG_URL").orElse("jdbc:postgresql://127.0.0.1:5432/test");
        URI uri = URI.create(url.substring("jdbc:".length()));
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new TestPostgres(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path,
                env("SLUICE_TEST_PG_USER").orElse("sluice"), env("SLUICE_TEST_PG_PASSWORD").orElse("sluice"));
    }

    /** The JDBC URL of the database, with {@code currentSchema} selecting {@code schema}. */
    String jdbcUrl(String schema) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?currentSchema=" + schema;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, user, password);
    }

    /** Runs statements, in order, on a fresh connection. */
    void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + String.join("; ", statements) + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
