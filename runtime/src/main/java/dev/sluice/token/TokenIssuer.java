package dev.sluice.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * Issues RS256 id_tokens and access tokens signed by the active key of {@link SigningKeys}. Claims follow the
 * platform: {@code iss} exactly as configured, {@code sub}, {@code aud}, {@code iat}, {@code exp} always; profile
 * claims on id_tokens when known; {@code scope}, {@code gty}, {@code azp} on access tokens. Times come from the
 * injected clock, truncated to seconds. Thread-safe; signing is CPU work (about a millisecond), never I/O.
 */
public final class TokenIssuer {

    private final SigningKeys keys;
    private final TokenSettings settings;
    private final Clock clock;

    public TokenIssuer(SigningKeys keys, TokenSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /** An id_token for a signed-in user; lives {@link TokenSettings#idTokenLifetime()}. */
    public IssuedToken idToken(IdTokenRequest request) {
        Instant now = now();
        JWTClaimsSet.Builder claims = common(request.subject(), now, settings.idTokenLifetime())
                .audience(request.clientId());
        request.email().ifPresent(email -> claims.claim("email", email));
        request.emailVerified().ifPresent(verified -> claims.claim("email_verified", verified));
        request.name().ifPresent(name -> claims.claim("name", name));
        request.nickname().ifPresent(nickname -> claims.claim("nickname", nickname));
        request.picture().ifPresent(picture -> claims.claim("picture", picture));
        return sign(claims.build(), now, settings.idTokenLifetime());
    }

    /** An access token, e.g. a Management API token; lives {@link TokenSettings#accessTokenLifetime()}. */
    public IssuedToken accessToken(AccessTokenRequest request) {
        Instant now = now();
        JWTClaimsSet.Builder claims = common(request.subject(), now, settings.accessTokenLifetime())
                .audience(request.audience())
                .claim("azp", request.clientId())
                .claim("scope", String.join(" ", request.scopes()))
                .claim("gty", request.grantType());
        request.extraClaims().forEach(claims::claim);
        return sign(claims.build(), now, settings.accessTokenLifetime());
    }

    /** The issuer settings tokens are made with (issuer, lifetimes, management audience). */
    public TokenSettings settings() {
        return settings;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private JWTClaimsSet.Builder common(String subject, Instant now, Duration lifetime) {
        return new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)));
    }

    private IssuedToken sign(JWTClaimsSet claims, Instant now, Duration lifetime) {
        SigningKey key = keys.active();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.kid())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token with key " + key.kid(), e);
        }
        return new IssuedToken(jwt.serialize(), key.kid(), now, now.plus(lifetime));
    }
}
