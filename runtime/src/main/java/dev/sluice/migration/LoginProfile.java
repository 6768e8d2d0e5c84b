package dev.sluice.migration;

import java.util.Objects;
import java.util.Optional;

/**
 * The user a login succeeded for, as the token endpoint needs it.
 *
 * @param userId        the script's id, without {@code auth0|}
 * @param email         lower case when known
 * @param emailVerified whether the email is verified
 * @param username      when known
 * @param name          when known
 * @param nickname      when known
 * @param picture       when known
 */
public record LoginProfile(String userId, Optional<String> email, boolean emailVerified, Optional<String> username,
                           Optional<String> name, Optional<String> nickname, Optional<String> picture) {

    public LoginProfile {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(picture, "picture");
    }
}
