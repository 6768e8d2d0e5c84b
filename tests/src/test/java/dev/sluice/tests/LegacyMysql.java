package dev.sluice.tests;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The legacy user store the MySQL templates talk to: table {@code users} in database {@code sluice_legacy} of the
 * test MariaDB ({@code SLUICE_TEST_MYSQL_URL} for host and port, {@code SLUICE_TEST_MYSQL_USER} and
 * {@code SLUICE_TEST_MYSQL_PASSWORD}; defaults {@code 127.0.0.1:3306}, {@code sluice}/{@code sluice}).
 * {@code bin/services} grants the test user everything on {@code sluice_legacy}.
 */
record LegacyMysql(String host, int port, String user, String password) implements LegacyUserTable {

    static final String DATABASE = "sluice_legacy";

    /** The DDL of scripts-templates/mysql/README.md. */
    private static final String CREATE_USERS = """
            CREATE TABLE users (
                id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
                nickname       VARCHAR(255),
                email          VARCHAR(255) NOT NULL UNIQUE,
                password       VARCHAR(255),
                email_verified TINYINT(1) NOT NULL DEFAULT 0
            ) DEFAULT CHARSET = utf8mb4""";

    static LegacyMysql fromEnvironment() {
        String url = env("SLUICE_TEST_MYSQL_URL").orElse("jdbc:mysql://127.0.0.1:3306/test");
        URI uri = URI.create(url.substring("jdbc:".length()));
        return new LegacyMysql(uri.getHost(), uri.getPort() < 0 ? 3306 : uri.getPort(),
                env("SLUICE_TEST_MYSQL_USER").orElse("sluice"), env("SLUICE_TEST_MYSQL_PASSWORD").orElse("sluice"));
    }

    @Override
    public String family() {
        return "mysql";
    }

    /** The templates' {@code configuration}; cost-4 hashes keep create and change_password fast. */
    @Override
    public Map<String, String> configuration() {
        return configurationAt(port);
    }

    @Override
    public Map<String, String> configurationAt(int databasePort) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("MYSQL_HOST", host);
        out.put("MYSQL_PORT", Integer.toString(databasePort));
        out.put("MYSQL_USER", user);
        out.put("MYSQL_PASSWORD", password);
        out.put("MYSQL_DATABASE", DATABASE);
        out.put("BCRYPT_ROUNDS", "4");
        return out;
    }

    /** Drops and recreates {@code users} (and the database when it is missing): an empty table. */
    @Override
    public void recreateUsersTable() {
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE);
            statement.execute("DROP TABLE IF EXISTS " + DATABASE + ".users");
            statement.execute(CREATE_USERS.replace("CREATE TABLE users", "CREATE TABLE " + DATABASE + ".users"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare " + DATABASE + ".users: " + e.getMessage(), e);
        }
    }

    @Override
    public void dropUsersTable() {
        update("DROP TABLE IF EXISTS users");
    }

    @Override
    public Connection connect() throws SQLException {
        return connect(DATABASE);
    }

    @Override
    public String usersTable() {
        return "users";
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + host + ":" + port + "/" + database + "?sslMode=DISABLED",
                user, password);
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
