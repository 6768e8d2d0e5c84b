package dev.sluice.tests;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    /** Inserts a legacy user whose password is stored as a bcrypt cost-4 hash; answers its id. */
    @Override
    public String insertUser(String nickname, String email, String plainPassword) {
        String hash = BCrypt.withDefaults().hashToString(4, plainPassword.toCharArray());
        try (Connection connection = connect(DATABASE);
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO users (nickname, email, password) VALUES (?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, nickname);
            insert.setString(2, email);
            insert.setString(3, hash);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return Long.toString(keys.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert " + email + ": " + e.getMessage(), e);
        }
    }

    /** The row with this email, as column name to value, if there is one. */
    @Override
    public Optional<Map<String, Object>> row(String email) {
        try (Connection connection = connect(DATABASE);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, nickname, email, password, email_verified FROM users WHERE email = ?")) {
            select.setString(1, email);
            try (ResultSet rows = select.executeQuery()) {
                return LegacyUserTable.firstRow(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + email + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void setPassword(String email, String plainPassword) {
        update("UPDATE users SET password = ? WHERE email = ?",
                BCrypt.withDefaults().hashToString(4, plainPassword.toCharArray()), email);
    }

    @Override
    public void deleteUser(String email) {
        update("DELETE FROM users WHERE email = ?", email);
    }

    private void update(String sql, String... parameters) {
        try (Connection connection = connect(DATABASE);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + ": " + e.getMessage(), e);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + host + ":" + port + "/" + database + "?sslMode=DISABLED",
                user, password);
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
