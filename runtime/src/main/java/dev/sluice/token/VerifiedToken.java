package dev.sluice.token;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The claims of a verified token.
 *
 * @param kid the key that signed it
 * @param issuer {@code iss}
 * @param subject {@code sub}
 * @param audience {@code aud}, one or more values
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 * @param authorizedParty {@code azp}, when present
 * @param grantType {@code gty}, when present
 * @param scopes {@code scope} split on spaces; empty when absent
 * @param claims every claim, as parsed (times as {@link java.util.Date}), read-only
 */
public record VerifiedToken(
        String kid,
        String issuer,
        String subject,
        List<String> audience,
        Instant issuedAt,
        Instant expiresAt,
        Optional<String> authorizedParty,
        Optional<String> grantType,
        List<String> scopes,
        Map<String, Object> claims) {

    public VerifiedToken {
        audience = List.copyOf(audience);
        scopes = List.copyOf(scopes);
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }

    /** Whether {@code scope} holds this scope. */
    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** A string claim by name; empty when absent or not a string. */
    public Optional<String> stringClaim(String name) {
        return claims.get(name) instanceof String value ? Optional.of(value) : Optional.empty();
    }

    static List<String> splitScopes(Optional<String> scope) {
        return scope.map(value -> Arrays.stream(value.split(" ")).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }
}
