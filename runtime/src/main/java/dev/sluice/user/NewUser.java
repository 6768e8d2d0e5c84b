package dev.sluice.user;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A user to create. The email is lower-cased; the profile keeps every attribute that has no field of its own
 * ({@code name}, {@code nickname}, {@code given_name}, {@code family_name}, {@code picture}, {@code user_metadata},
 * {@code app_metadata}, ...). The password hash is never printed.
 *
 * @param connection    the connection's name
 * @param userId        the id the script returned (without {@code auth0|}), unique within the connection
 * @param email         unique within the connection when present
 * @param emailVerified whether the email was verified
 * @param username      unique within the connection when present
 * @param passwordHash  a hash from {@link PasswordHasher} or an imported one; empty for legacy-mode caches
 * @param profile       the other attributes
 * @param source        how the user came in
 */
public record NewUser(String connection, String userId, Optional<String> email, boolean emailVerified,
                      Optional<String> username, Optional<String> passwordHash, ObjectNode profile, UserSource source) {

    public NewUser {
        connection = UserFields.key("connection", connection, UserFields.MAX_CONNECTION);
        userId = UserFields.key("user_id", userId, UserFields.MAX_KEY);
        email = Objects.requireNonNull(email, "email").map(UserFields::email);
        username = UserFields.optionalKey("username", Objects.requireNonNull(username, "username"), UserFields.MAX_KEY);
        passwordHash = UserFields.optionalKey("password_hash", Objects.requireNonNull(passwordHash, "passwordHash"),
                UserFields.MAX_HASH);
        profile = UserFields.profile(Objects.requireNonNull(profile, "profile"));
        Objects.requireNonNull(source, "source");
    }

    /** A user with only its keys: no email, username, password or profile. */
    public static NewUser of(String connection, String userId, UserSource source) {
        return new NewUser(connection, userId, Optional.empty(), false, Optional.empty(), Optional.empty(),
                JsonNodeFactory.instance.objectNode(), source);
    }

    /** This user with {@code email} (lower-cased) and its verification state. */
    public NewUser withEmail(String email, boolean verified) {
        return new NewUser(connection, userId, Optional.of(email), verified, username, passwordHash, profile, source);
    }

    /** This user with {@code username}. */
    public NewUser withUsername(String username) {
        return new NewUser(connection, userId, email, emailVerified, Optional.of(username), passwordHash, profile,
                source);
    }

    /** This user with a password hash. */
    public NewUser withPasswordHash(String passwordHash) {
        return new NewUser(connection, userId, email, emailVerified, username, Optional.of(passwordHash), profile,
                source);
    }

    /** This user with {@code profile} (copied). */
    public NewUser withProfile(ObjectNode profile) {
        return new NewUser(connection, userId, email, emailVerified, username, passwordHash, profile, source);
    }

    /** The profile (a copy: the record stays immutable). */
    @Override
    public ObjectNode profile() {
        return profile.deepCopy();
    }

    /** Everything but the password hash. */
    @Override
    public String toString() {
        return "NewUser[connection=" + connection + ", userId=" + userId + ", email=" + email + ", emailVerified="
                + emailVerified + ", username=" + username + ", hasPassword=" + passwordHash.isPresent()
                + ", profile=" + profile + ", source=" + source.code() + "]";
    }
}
