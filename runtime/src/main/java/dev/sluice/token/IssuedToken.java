package dev.sluice.token;

import java.time.Duration;
import java.time.Instant;

/**
 * A signed token and its times. {@link #toString()} never shows the token itself.
 *
 * @param value the compact JWT ({@code header.payload.signature})
 * @param kid the id of the key that signed it
 * @param issuedAt the {@code iat}
 * @param expiresAt the {@code exp}
 */
public record IssuedToken(String value, String kid, Instant issuedAt, Instant expiresAt) {

    /** Seconds from issue to expiry: the {@code expires_in} of a token response. */
    public long expiresInSeconds() {
        return Duration.between(issuedAt, expiresAt).toSeconds();
    }

    @Override
    public String toString() {
        return "IssuedToken[kid=" + kid + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + ", value=<hidden>]";
    }
}
