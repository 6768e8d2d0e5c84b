package dev.sluice.tests;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A legacy user table of the shape {@code scripts-templates/<family>/README.md} gives ({@code id, nickname, email,
 * password, email_verified}), in a real database, with its template scripts' {@code configuration}. Passwords are
 * stored as bcrypt cost-4 hashes, as a legacy application would have written them, only faster.
 */
interface LegacyUserTable {

    /** The template family whose scripts talk to this table: the folder under {@code scripts-templates/}. */
    String family();

    /** The templates' {@code configuration} reaching this table; new hashes at cost 4. */
    Map<String, String> configuration();

    /** The same {@code configuration}, but with the database server at {@code port} of the same host. */
    Map<String, String> configurationAt(int port);

    /** Drops and recreates the table: an empty one. */
    void recreateUsersTable();

    /** Drops the table (and whatever holds only it). */
    void dropUsersTable();

    /** A connection in which {@link #usersTable()} names the table. */
    Connection connect() throws SQLException;

    /** The table's name as SQL in a {@link #connect()} connection: {@code users}, or qualified by its schema. */
    String usersTable();

    /** Inserts a user with a bcrypt hash of {@code plainPassword}; answers its id. */
    default String insertUser(String nickname, String email, String plainPassword) {
        String hash = BCrypt.withDefaults().hashToString(4, plainPassword.toCharArray());
        try (Connection connection = connect();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO " + usersTable() + " (nickname, email, password) VALUES (?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, nickname);
            insert.setString(2, email);
            insert.setString(3, hash);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return Long.toString(keys.getLong(1)); // the id: MariaDB's generated key, PostgreSQL's first column
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert " + email + ": " + e.getMessage(), e);
        }
    }

    /** The row with this email (exactly), as column label to value, if there is one. */
    default Optional<Map<String, Object>> row(String email) {
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement("SELECT id, nickname, email, password,"
                     + " email_verified FROM " + usersTable() + " WHERE email = ?")) {
            select.setString(1, email);
            try (ResultSet rows = select.executeQuery()) {
                return firstRow(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + email + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code plainPassword} matches the stored hash of the user with this email. */
    default boolean passwordMatches(String email, String plainPassword) {
        Object hash = row(email).orElseThrow().get("password");
        return BCrypt.verifyer().verify(plainPassword.toCharArray(),
                hash.toString().getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Stores a new bcrypt hash for the user with this email, as the legacy application's password reset would. */
    default void setPassword(String email, String plainPassword) {
        update("UPDATE " + usersTable() + " SET password = ? WHERE email = ?",
                BCrypt.withDefaults().hashToString(4, plainPassword.toCharArray()), email);
    }

    /** Deletes the user with this email. */
    default void deleteUser(String email) {
        update("DELETE FROM " + usersTable() + " WHERE email = ?", email);
    }

    /** Runs one statement with string parameters in a {@link #connect()} connection. */
    default void update(String sql, String... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The first row of {@code rows} as column label to value, if there is one. */
    static Optional<Map<String, Object>> firstRow(ResultSet rows) throws SQLException {
        if (!rows.next()) {
            return Optional.empty();
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
            row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
        }
        return Optional.of(row);
    }
}
