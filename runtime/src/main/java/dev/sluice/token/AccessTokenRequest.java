package dev.sluice.token;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What goes into an access token besides the times and the issuer.
 *
 * @param subject the {@code sub}: {@code {client_id}@clients} for client credentials, the user's sub otherwise
 * @param clientId the {@code azp}: the client the token was issued to
 * @param audience the {@code aud} values (one value is written as a string, several as an array)
 * @param scopes the granted scopes, written space-separated as {@code scope}; may be empty
 * @param grantType the {@code gty}, e.g. {@code client-credentials} or {@code password}
 * @param extraClaims further string claims (such as {@link #CONNECTION_CLAIM}); never a registered or standard
 *                    claim the issuer writes itself
 */
public record AccessTokenRequest(
        String subject, String clientId, List<String> audience, List<String> scopes, String grantType,
        Map<String, String> extraClaims) {

    /** The {@code gty} of client-credentials tokens, as the platform writes it. */
    public static final String CLIENT_CREDENTIALS = "client-credentials";
    /** The {@code gty} of tokens from the password-realm grant. */
    public static final String PASSWORD = "password";
    /**
     * The claim naming the connection a user's token was issued for: user ids are meant to be unique across the
     * deployment, but this makes {@code /userinfo} exact even when two connections hold the same id.
     */
    public static final String CONNECTION_CLAIM = "https://sluice.dev/connection";

    private static final Set<String> RESERVED = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "azp",
            "scope", "gty");

    public AccessTokenRequest {
        IdTokenRequest.requireText(subject, "subject");
        IdTokenRequest.requireText(clientId, "clientId");
        audience = List.copyOf(audience);
        scopes = List.copyOf(scopes);
        IdTokenRequest.requireText(grantType, "grantType");
        if (audience.isEmpty() || audience.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("audience must hold at least one non-blank value");
        }
        if (scopes.stream().anyMatch(scope -> scope.isBlank() || scope.chars().anyMatch(Character::isWhitespace))) {
            throw new IllegalArgumentException("scopes must be non-blank and contain no whitespace");
        }
        extraClaims = Map.copyOf(extraClaims);
        if (extraClaims.keySet().stream().anyMatch(RESERVED::contains)) {
            throw new IllegalArgumentException("extraClaims must not hold a claim the issuer writes: "
                    + extraClaims.keySet());
        }
    }

    /** A request without extra claims. */
    public AccessTokenRequest(String subject, String clientId, List<String> audience, List<String> scopes,
            String grantType) {
        this(subject, clientId, audience, scopes, grantType, Map.of());
    }

    /** A client-credentials token for {@code clientId}: {@code sub} is {@code {client_id}@clients}. */
    public static AccessTokenRequest clientCredentials(String clientId, String audience, List<String> scopes) {
        return new AccessTokenRequest(clientId + "@clients", clientId, List.of(audience), scopes, CLIENT_CREDENTIALS);
    }
}
