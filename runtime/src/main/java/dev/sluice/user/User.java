package dev.sluice.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user of the own store. The password hash is never printed; the profile holds every attribute without a field
 * of its own (see {@link NewUser}).
 *
 * @param userId        the script's id (the platform id is {@code auth0|} + this), unique within the connection
 * @param connection    the connection's name
 * @param email         lower case, unique within the connection
 * @param emailVerified whether the email was verified
 * @param username      unique within the connection
 * @param passwordHash  empty for legacy-mode caches
 * @param profile       the other attributes
 * @param source        how the user came in
 * @param createdAt     when the row was created
 * @param updatedAt     when the row last changed
 * @param migratedAt    when the user was migrated from the legacy store (imported and bulk users)
 */
public record User(String userId, String connection, Optional<String> email, boolean emailVerified,
                   Optional<String> username, Optional<String> passwordHash, ObjectNode profile, UserSource source,
                   Instant createdAt, Instant updatedAt, Optional<Instant> migratedAt) {

    public User {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        profile = Objects.requireNonNull(profile, "profile").deepCopy();
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(migratedAt, "migratedAt");
    }

    /** The profile (a copy: the record stays immutable). */
    @Override
    public ObjectNode profile() {
        return profile.deepCopy();
    }

    /** Everything but the password hash. */
    @Override
    public String toString() {
        return "User[userId=" + userId + ", connection=" + connection + ", email=" + email + ", emailVerified="
                + emailVerified + ", username=" + username + ", hasPassword=" + passwordHash.isPresent()
                + ", profile=" + profile + ", source=" + source.code() + ", createdAt=" + createdAt + ", updatedAt="
                + updatedAt + ", migratedAt=" + migratedAt + "]";
    }
}
