package dev.sluice.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link UserStore#updateProfile} changes: each present field replaces the stored one, absent fields stay.
 * A present profile replaces the whole stored profile (merging, as the Management API does for metadata, is the
 * caller's business).
 *
 * @param email         the new email (lower-cased)
 * @param emailVerified the new verification state
 * @param username      the new username
 * @param profile       the new profile, without the attributes that have fields of their own
 */
public record UserChanges(Optional<String> email, Optional<Boolean> emailVerified, Optional<String> username,
                          Optional<ObjectNode> profile) {

    public UserChanges {
        email = Objects.requireNonNull(email, "email").map(UserFields::email);
        Objects.requireNonNull(emailVerified, "emailVerified");
        username = UserFields.optionalKey("username", Objects.requireNonNull(username, "username"), UserFields.MAX_KEY);
        profile = Objects.requireNonNull(profile, "profile").map(UserFields::profile);
    }

    /** No change at all. */
    public static UserChanges none() {
        return new UserChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** These changes plus a new email and its verification state. */
    public UserChanges withEmail(String email, boolean verified) {
        return new UserChanges(Optional.of(email), Optional.of(verified), username, profile);
    }

    /** These changes plus a new verification state. */
    public UserChanges withEmailVerified(boolean verified) {
        return new UserChanges(email, Optional.of(verified), username, profile);
    }

    /** These changes plus a new username. */
    public UserChanges withUsername(String username) {
        return new UserChanges(email, emailVerified, Optional.of(username), profile);
    }

    /** These changes plus a new profile. */
    public UserChanges withProfile(ObjectNode profile) {
        return new UserChanges(email, emailVerified, username, Optional.of(profile));
    }

    /** Whether nothing would change. */
    public boolean isEmpty() {
        return email.isEmpty() && emailVerified.isEmpty() && username.isEmpty() && profile.isEmpty();
    }

    /** The profile (a copy: the record stays immutable). */
    @Override
    public Optional<ObjectNode> profile() {
        return profile.map(ObjectNode::deepCopy);
    }
}
