package dev.sluice.token;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/**
 * How tokens are issued and checked. Validated on construction; errors name the field.
 *
 * @param issuer the {@code iss} of every token, exactly as configured (SDKs compare it literally, so
 *     {@code https://auth.example.com/} keeps its trailing slash); an absolute http(s) URL without query or fragment
 * @param idTokenLifetime how long an id_token is valid (the platform's default is 10 hours)
 * @param accessTokenLifetime how long an access token is valid (the platform's default is 24 hours)
 * @param clockSkew leeway when checking {@code exp}, {@code nbf} and {@code iat}, for clocks of other nodes; 0–5 min
 */
public record TokenSettings(String issuer, Duration idTokenLifetime, Duration accessTokenLifetime, Duration clockSkew) {

    /** The platform's default id_token lifetime. */
    public static final Duration DEFAULT_ID_TOKEN_LIFETIME = Duration.ofHours(10);
    /** The platform's default access token lifetime. */
    public static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofHours(24);
    /** Default leeway for time claims. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

    private static final Duration MAX_LIFETIME = Duration.ofDays(30);
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    public TokenSettings {
        validateIssuer(issuer);
        validateLifetime(idTokenLifetime, "token.idTokenLifetime");
        validateLifetime(accessTokenLifetime, "token.accessTokenLifetime");
        Objects.requireNonNull(clockSkew, "token.clockSkew");
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("token.clockSkew: must be between 0 and 5 minutes, got " + clockSkew);
        }
    }

    /** Settings with the platform's default lifetimes and a 30 s leeway. */
    public static TokenSettings defaults(String issuer) {
        return new TokenSettings(issuer, DEFAULT_ID_TOKEN_LIFETIME, DEFAULT_ACCESS_TOKEN_LIFETIME, DEFAULT_CLOCK_SKEW);
    }

    /** The audience of Management API tokens: {@code {issuer}api/v2/} (one slash between, whatever the issuer). */
    public String managementAudience() {
        return (issuer.endsWith("/") ? issuer : issuer + "/") + "api/v2/";
    }

    private static void validateIssuer(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("token.issuer: must be set, e.g. https://auth.example.com/");
        }
        URI uri;
        try {
            uri = new URI(issuer);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("token.issuer: not a URL: " + issuer);
        }
        boolean http = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
        if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "token.issuer: must be an absolute http(s) URL without query or fragment, got " + issuer);
        }
    }

    private static void validateLifetime(Duration lifetime, String field) {
        Objects.requireNonNull(lifetime, field);
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException(field + ": must be between 1 second and 30 days, got " + lifetime);
        }
    }
}
