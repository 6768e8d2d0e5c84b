package dev.sluice.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    private static final String ISSUER = "https://auth.example.com/";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final SigningKeys keys = SigningKeys.open(new InMemorySigningKeyStore(), clock, 1);
    private final TokenSettings settings =
            new TokenSettings(ISSUER, Duration.ofHours(10), Duration.ofHours(24), Duration.ofSeconds(30));
    private final TokenIssuer issuer = new TokenIssuer(keys, settings, clock);
    private final TokenVerifier verifier = new TokenVerifier(keys, settings, clock);
    private final String audience = settings.managementAudience();

    @Test
    void a_management_token_verifies_and_yields_its_claims() {
        IssuedToken token = managementToken();

        Verification result = verifier.verify(token.value(), audience);

        assertThat(result).isInstanceOf(Verification.Valid.class);
        VerifiedToken claims = ((Verification.Valid) result).token();
        assertThat(claims.issuer()).isEqualTo(ISSUER);
        assertThat(claims.subject()).isEqualTo("client-1@clients");
        assertThat(claims.audience()).containsExactly(audience);
        assertThat(claims.authorizedParty()).contains("client-1");
        assertThat(claims.grantType()).contains("client-credentials");
        assertThat(claims.scopes()).containsExactly("read:users", "update:users");
        assertThat(claims.hasScope("read:users")).isTrue();
        assertThat(claims.hasScope("delete:users")).isFalse();
        assertThat(claims.issuedAt()).isEqualTo(NOW);
        assertThat(claims.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(claims.kid()).isEqualTo(keys.active().kid());
    }

    @Test
    void an_id_token_verifies_against_its_client_id() {
        IssuedToken token = issuer.idToken(new IdTokenRequest("auth0|u-1", "client-1",
                java.util.Optional.of("a@example.com"), java.util.Optional.of(false), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty()));

        Verification result = verifier.verify(token.value(), "client-1");

        assertThat(result).isInstanceOf(Verification.Valid.class);
        assertThat(((Verification.Valid) result).token().stringClaim("email")).contains("a@example.com");
        assertThat(((Verification.Valid) result).token().claims()).containsEntry("email_verified", false);
    }

    @Test
    void an_expired_token_is_refused_after_the_leeway_but_not_within_it() {
        IssuedToken token = managementToken();

        clock.advance(Duration.ofHours(24).plusSeconds(30));
        assertThat(verifier.verify(token.value(), audience)).isInstanceOf(Verification.Valid.class);

        clock.advance(Duration.ofSeconds(1));
        assertThat(failureOf(token.value(), audience)).isEqualTo(TokenFailure.EXPIRED);
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        assertThat(failureOf(managementToken().value(), "https://other.example.com/api/v2/"))
                .isEqualTo(TokenFailure.WRONG_AUDIENCE);
    }

    @Test
    void a_token_from_another_issuer_is_refused_even_when_only_the_trailing_slash_differs() {
        var noSlash = new TokenIssuer(keys, TokenSettings.defaults("https://auth.example.com"), clock);
        IssuedToken token = noSlash.accessToken(AccessTokenRequest.clientCredentials("c", audience, List.of()));

        assertThat(failureOf(token.value(), audience)).isEqualTo(TokenFailure.WRONG_ISSUER);
    }

    @Test
    void a_tampered_payload_breaks_the_signature() {
        String[] parts = managementToken().value().split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
                Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("read:users", "read:userz").getBytes(StandardCharsets.UTF_8));

        assertThat(failureOf(parts[0] + "." + forged + "." + parts[2], audience)).isEqualTo(TokenFailure.BAD_SIGNATURE);
    }

    @Test
    void a_token_signed_by_a_foreign_key_with_a_published_kid_is_refused() throws Exception {
        SigningKey foreign = SigningKey.generate(NOW);
        SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.RS256, keys.active().kid()), validClaims());
        jwt.sign(new RSASSASigner(foreign.privateKey()));

        assertThat(failureOf(jwt.serialize(), audience)).isEqualTo(TokenFailure.BAD_SIGNATURE);
    }

    @Test
    void an_unknown_or_missing_kid_is_a_bad_signature() throws Exception {
        SignedJWT unknown = new SignedJWT(header(JWSAlgorithm.RS256, "nope"), validClaims());
        unknown.sign(new RSASSASigner(keys.active().privateKey()));
        SignedJWT missing = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), validClaims());
        missing.sign(new RSASSASigner(keys.active().privateKey()));

        assertThat(failureOf(unknown.serialize(), audience)).isEqualTo(TokenFailure.BAD_SIGNATURE);
        assertThat(failureOf(missing.serialize(), audience)).isEqualTo(TokenFailure.BAD_SIGNATURE);
    }

    @Test
    void a_token_with_a_critical_header_is_refused() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.active().kid())
                .criticalParams(java.util.Set.of("x-must-understand")).customParam("x-must-understand", 1).build();
        SignedJWT jwt = new SignedJWT(header, validClaims());
        jwt.sign(new RSASSASigner(keys.active().privateKey()));

        assertThat(failureOf(jwt.serialize(), audience)).isEqualTo(TokenFailure.BAD_SIGNATURE);
    }

    @Test
    void an_unsigned_token_is_refused() {
        String token = new PlainJWT(validClaims()).serialize();

        assertThat(failureOf(token, audience)).isEqualTo(TokenFailure.BAD_SIGNATURE);
    }

    @Test
    void an_hs256_token_keyed_with_the_public_key_is_refused() throws Exception {
        SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.HS256, keys.active().kid()), validClaims());
        jwt.sign(new MACSigner(keys.active().publicKey().getEncoded()));

        assertThat(failureOf(jwt.serialize(), audience)).isEqualTo(TokenFailure.BAD_SIGNATURE);
    }

    @Test
    void garbage_is_malformed() {
        assertThat(failureOf("", audience)).isEqualTo(TokenFailure.MALFORMED);
        assertThat(failureOf("not-a-token", audience)).isEqualTo(TokenFailure.MALFORMED);
        assertThat(failureOf("a.b", audience)).isEqualTo(TokenFailure.MALFORMED);
        assertThat(failureOf("!!!.@@@.###", audience)).isEqualTo(TokenFailure.MALFORMED);
        assertThat(failureOf("x".repeat(20_000), audience)).isEqualTo(TokenFailure.MALFORMED);
        assertThat(failureOf(null, audience)).isEqualTo(TokenFailure.MALFORMED);
    }

    @Test
    void a_signed_token_without_exp_is_malformed() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(validClaims()).expirationTime(null).build();
        SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.RS256, keys.active().kid()), claims);
        jwt.sign(new RSASSASigner(keys.active().privateKey()));

        assertThat(failureOf(jwt.serialize(), audience)).isEqualTo(TokenFailure.MALFORMED);
    }

    @Test
    void a_signed_token_with_a_non_numeric_exp_is_malformed() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(validClaims()).claim("exp", "tomorrow").build();
        SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.RS256, keys.active().kid()), claims);
        jwt.sign(new RSASSASigner(keys.active().privateKey()));

        assertThat(failureOf(jwt.serialize(), audience)).isEqualTo(TokenFailure.MALFORMED);
    }

    @Test
    void a_signed_token_with_a_scope_that_is_not_a_string_is_malformed() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(validClaims()).claim("scope", List.of("read:users")).build();
        SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.RS256, keys.active().kid()), claims);
        jwt.sign(new RSASSASigner(keys.active().privateKey()));

        assertThat(failureOf(jwt.serialize(), audience)).isEqualTo(TokenFailure.MALFORMED);
    }

    @Test
    void a_token_from_the_future_is_not_yet_valid() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(validClaims())
                .notBeforeTime(Date.from(NOW.plus(Duration.ofMinutes(5)))).build();
        SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.RS256, keys.active().kid()), claims);
        jwt.sign(new RSASSASigner(keys.active().privateKey()));

        assertThat(failureOf(jwt.serialize(), audience)).isEqualTo(TokenFailure.NOT_YET_VALID);
    }

    @Test
    void tokens_signed_before_a_rotation_stay_verifiable_until_their_key_is_dropped() {
        IssuedToken beforeRotation = managementToken();
        keys.rotate();
        IssuedToken afterRotation = managementToken();

        assertThat(afterRotation.kid()).isNotEqualTo(beforeRotation.kid());
        assertThat(verifier.verify(beforeRotation.value(), audience)).isInstanceOf(Verification.Valid.class);
        assertThat(verifier.verify(afterRotation.value(), audience)).isInstanceOf(Verification.Valid.class);

        keys.rotate(); // retiredKeysKept = 1: the key of beforeRotation is no longer published

        assertThat(failureOf(beforeRotation.value(), audience)).isEqualTo(TokenFailure.BAD_SIGNATURE);
        assertThat(verifier.verify(afterRotation.value(), audience)).isInstanceOf(Verification.Valid.class);
    }

    @Test
    void sender_controlled_values_in_a_failure_detail_are_shortened_to_one_line() throws Exception {
        String issuer = "https://evil/\nFAKE LOG LINE" + "x".repeat(200);
        JWTClaimsSet claims = new JWTClaimsSet.Builder(validClaims()).issuer(issuer).build();
        SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.RS256, keys.active().kid()), claims);
        jwt.sign(new RSASSASigner(keys.active().privateKey()));

        var result = (Verification.Invalid) verifier.verify(jwt.serialize(), audience);

        assertThat(result.failure()).isEqualTo(TokenFailure.WRONG_ISSUER);
        assertThat(result.detail()).doesNotContain("\n").hasSizeLessThan(100).endsWith("…");
    }

    @Test
    void a_failure_detail_never_contains_the_token() {
        String token = managementToken().value();
        clock.advance(Duration.ofDays(2));

        Verification result = verifier.verify(token, audience);

        assertThat(((Verification.Invalid) result).detail()).doesNotContain(token.split("\\.")[1]);
    }

    private IssuedToken managementToken() {
        return issuer.accessToken(
                AccessTokenRequest.clientCredentials("client-1", audience, List.of("read:users", "update:users")));
    }

    private TokenFailure failureOf(String token, String expectedAudience) {
        Verification result = verifier.verify(token, expectedAudience);
        assertThat(result).isInstanceOf(Verification.Invalid.class);
        return ((Verification.Invalid) result).failure();
    }

    private static JWSHeader header(JWSAlgorithm alg, String kid) {
        return new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(kid).build();
    }

    private JWTClaimsSet validClaims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("client-1@clients")
                .audience(audience)
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plus(Duration.ofHours(1))))
                .build();
    }
}
