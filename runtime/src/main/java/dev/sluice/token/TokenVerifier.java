package dev.sluice.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Checks bearer tokens issued by {@link TokenIssuer}: an RS256 signature by a published key (found by {@code kid}),
 * then {@code iss} equal to the configured issuer, {@code aud} containing the expected audience, and
 * {@code exp}/{@code nbf}/{@code iat} against the injected clock with the configured leeway. Failures are values,
 * never exceptions. Thread-safe; CPU work only, never I/O.
 */
public final class TokenVerifier {

    /** Compact tokens longer than this are refused before parsing. */
    static final int MAX_TOKEN_CHARS = 16 * 1024;

    private final SigningKeys keys;
    private final TokenSettings settings;
    private final Clock clock;

    public TokenVerifier(SigningKeys keys, TokenSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Verifies a compact JWT.
     *
     * @param token the token as sent (without the {@code Bearer } prefix)
     * @param expectedAudience the audience that must be among {@code aud}, e.g.
     *     {@link TokenSettings#managementAudience()} or a client_id
     * @return {@link Verification.Valid} with the claims, or {@link Verification.Invalid} naming the failure
     */
    public Verification verify(String token, String expectedAudience) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_CHARS) {
            return invalid(TokenFailure.MALFORMED, "empty or oversized token");
        }
        JWT parsed;
        try {
            parsed = JWTParser.parse(token.strip());
        } catch (ParseException e) {
            return invalid(TokenFailure.MALFORMED, "not a JWT");
        }
        return switch (parsed) {
            case SignedJWT signed -> verifySigned(signed, expectedAudience);
            case PlainJWT plain -> invalid(TokenFailure.BAD_SIGNATURE, "unsigned token (alg none)");
            case EncryptedJWT encrypted -> invalid(TokenFailure.MALFORMED, "encrypted tokens are not accepted");
            default -> invalid(TokenFailure.MALFORMED, "unknown JWT kind");
        };
    }

    private Verification verifySigned(SignedJWT jwt, String expectedAudience) {
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            String alg = String.valueOf(jwt.getHeader().getAlgorithm());
            return invalid(TokenFailure.BAD_SIGNATURE, "algorithm " + shown(alg) + " not accepted");
        }
        String kid = jwt.getHeader().getKeyID();
        Optional<SigningKey> key = kid == null ? Optional.empty() : keys.find(kid);
        if (key.isEmpty()) {
            return invalid(TokenFailure.BAD_SIGNATURE, kid == null ? "no kid in header" : "unknown kid " + shown(kid));
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(key.get().publicKey()))) {
                return invalid(TokenFailure.BAD_SIGNATURE, "signature does not verify with kid " + shown(kid));
            }
        } catch (JOSEException e) {
            return invalid(TokenFailure.BAD_SIGNATURE, "signature check failed: " + e.getMessage());
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return invalid(TokenFailure.MALFORMED, "claims are not a valid JSON object");
        }
        return checkClaims(kid, claims, expectedAudience);
    }

    private Verification checkClaims(String kid, JWTClaimsSet claims, String expectedAudience) {
        if (claims.getIssuer() == null || claims.getSubject() == null || claims.getAudience().isEmpty()
                || claims.getExpirationTime() == null || claims.getIssueTime() == null) {
            return invalid(TokenFailure.MALFORMED, "iss, sub, aud, exp and iat are required");
        }
        if (!settings.issuer().equals(claims.getIssuer())) {
            return invalid(TokenFailure.WRONG_ISSUER, "iss is " + shown(claims.getIssuer()));
        }
        if (!claims.getAudience().contains(expectedAudience)) {
            String audience = shown(claims.getAudience().toString());
            return invalid(TokenFailure.WRONG_AUDIENCE, "aud " + audience + " lacks " + expectedAudience);
        }
        return checkTimes(claims).orElseGet(() -> valid(kid, claims));
    }

    private Optional<Verification> checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Duration leeway = settings.clockSkew();
        Instant expiresAt = claims.getExpirationTime().toInstant();
        if (now.isAfter(expiresAt.plus(leeway))) {
            return Optional.of(invalid(TokenFailure.EXPIRED, "expired at " + expiresAt));
        }
        Instant latestStart = now.plus(leeway);
        Date notBefore = claims.getNotBeforeTime();
        if (claims.getIssueTime().toInstant().isAfter(latestStart)
                || (notBefore != null && notBefore.toInstant().isAfter(latestStart))) {
            return Optional.of(invalid(TokenFailure.NOT_YET_VALID, "iat or nbf is in the future"));
        }
        return Optional.empty();
    }

    private Verification valid(String kid, JWTClaimsSet claims) {
        try {
            Optional<String> scope = Optional.ofNullable(claims.getStringClaim("scope"));
            return new Verification.Valid(new VerifiedToken(kid, claims.getIssuer(), claims.getSubject(),
                    claims.getAudience(), claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant(),
                    Optional.ofNullable(claims.getStringClaim("azp")),
                    Optional.ofNullable(claims.getStringClaim("gty")),
                    VerifiedToken.splitScopes(scope), claims.getClaims()));
        } catch (ParseException e) {
            return invalid(TokenFailure.MALFORMED, "azp, gty and scope must be strings");
        }
    }

    /** Values from the token are the sender's: shorten them and keep them to one printable line for logs. */
    private static String shown(String value) {
        String printable = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .limit(80)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return value.codePointCount(0, value.length()) > 80 ? printable + "…" : printable;
    }

    private static Verification invalid(TokenFailure failure, String detail) {
        return new Verification.Invalid(failure, detail);
    }
}
