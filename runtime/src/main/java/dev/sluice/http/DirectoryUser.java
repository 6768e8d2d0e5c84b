package dev.sluice.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user as the Management API shows it: never a password hash.
 *
 * @param userId        the script's id (the platform id is {@code auth0|} + this)
 * @param connection    the connection's name
 * @param email         lower case
 * @param emailVerified whether the email was verified
 * @param username      the username
 * @param profile       the other attributes ({@code name}, {@code nickname}, {@code user_metadata}, ...)
 * @param createdAt     when the user was created
 * @param updatedAt     when the user last changed
 */
public record DirectoryUser(String userId, String connection, Optional<String> email, boolean emailVerified,
                            Optional<String> username, ObjectNode profile, Instant createdAt, Instant updatedAt) {

    public DirectoryUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(username, "username");
        profile = Objects.requireNonNull(profile, "profile").deepCopy();
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The profile (a copy: the record stays immutable). */
    @Override
    public ObjectNode profile() {
        return profile.deepCopy();
    }
}
