package dev.sluice.user;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The mapping between {@link User} and a row of {@code users}: columns, JSON profile, epoch-millisecond times. */
final class UserRows {

    /** The columns {@link #read} expects, in a SELECT list. */
    static final String COLUMNS = "user_id, connection, email, email_verified, username, password_hash, profile, "
            + "source, created_at, updated_at, migrated_at";

    /** MySQL's TEXT holds 65,535 bytes; the limit applies everywhere so that the engines agree. */
    static final int MAX_PROFILE_BYTES = 65_535;

    private final ObjectMapper json = new ObjectMapper();

    User read(ResultSet row) throws SQLException {
        return new User(row.getString("user_id"), row.getString("connection"),
                Optional.ofNullable(row.getString("email")), row.getBoolean("email_verified"),
                Optional.ofNullable(row.getString("username")), Optional.ofNullable(row.getString("password_hash")),
                profile(row.getString("profile")), UserSource.fromCode(row.getString("source")),
                Instant.ofEpochMilli(row.getLong("created_at")), Instant.ofEpochMilli(row.getLong("updated_at")),
                millis(row, "migrated_at"));
    }

    /**
     * The profile as stored JSON.
     *
     * @throws IllegalArgumentException when it is larger than {@link #MAX_PROFILE_BYTES}
     */
    String write(ObjectNode profile) {
        try {
            String text = json.writeValueAsString(profile);
            if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PROFILE_BYTES) {
                throw new IllegalArgumentException("profile: at most " + MAX_PROFILE_BYTES + " bytes of JSON");
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("profile: not serializable as JSON", e);
        }
    }

    private ObjectNode profile(String text) {
        try {
            JsonNode node = json.readTree(text);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored profile is not valid JSON", e);
        }
        throw new StoreException("a stored profile is not a JSON object", null);
    }

    private static Optional<Instant> millis(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
    }
}
