package dev.sluice.tests;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** Inserts a user with a bcrypt hash of {@code plainPassword}; answers its id. */
    String insertUser(String nickname, String email, String plainPassword);

    /** The row with this email (exactly), as column label to value, if there is one. */
    Optional<Map<String, Object>> row(String email);

    /** Whether {@code plainPassword} matches the stored hash of the user with this email. */
    default boolean passwordMatches(String email, String plainPassword) {
        Object hash = row(email).orElseThrow().get("password");
        return BCrypt.verifyer().verify(plainPassword.toCharArray(),
                hash.toString().getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Stores a new bcrypt hash for the user with this email, as the legacy application's password reset would. */
    void setPassword(String email, String plainPassword);

    /** Deletes the user with this email. */
    void deleteUser(String email);

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
