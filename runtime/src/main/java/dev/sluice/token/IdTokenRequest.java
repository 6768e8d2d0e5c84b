package dev.sluice.token;

import java.util.Objects;
import java.util.Optional;

/**
 * What goes into an id_token besides the times and the issuer.
 *
 * @param subject the {@code sub}: for database users {@code auth0|} + user_id, built by the caller
 * @param clientId the {@code aud}: the client the token is for
 * @param email the user's email, when known
 * @param emailVerified whether the email is verified, when known
 * @param name the user's name, when known
 * @param nickname the user's nickname, when known
 * @param picture the URL of the user's picture, when known
 */
public record IdTokenRequest(
        String subject,
        String clientId,
        Optional<String> email,
        Optional<Boolean> emailVerified,
        Optional<String> name,
        Optional<String> nickname,
        Optional<String> picture) {

    public IdTokenRequest {
        requireText(subject, "subject");
        requireText(clientId, "clientId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(emailVerified, "emailVerified");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(picture, "picture");
    }

    /** A request with only the subject and the audience; profile claims are left out. */
    public static IdTokenRequest of(String subject, String clientId) {
        return new IdTokenRequest(subject, clientId, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
