package dev.sluice.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwksTest {

    private static final String ISSUER = "https://auth.example.com/";

    // A real clock: nimbus's own claims verifier checks exp against the system time.
    private final Clock clock = Clock.systemUTC();
    private final SigningKeys keys = SigningKeys.open(new InMemorySigningKeyStore(), clock, 1);
    private final TokenIssuer issuer = new TokenIssuer(keys, TokenSettings.defaults(ISSUER), clock);
    private final Jwks jwks = new Jwks(keys);

    @Test
    void each_published_key_has_exactly_the_public_fields() throws Exception {
        keys.rotate();

        JsonNode set = new ObjectMapper().readTree(jwks.json());

        assertThat(set.properties()).extracting(Map.Entry::getKey).containsExactly("keys");
        assertThat(set.path("keys")).hasSize(2);
        for (JsonNode key : set.path("keys")) {
            assertThat(key.properties()).extracting(Map.Entry::getKey)
                    .containsExactlyInAnyOrder("kty", "kid", "use", "alg", "n", "e");
            assertThat(key.path("kty").asText()).isEqualTo("RSA");
            assertThat(key.path("use").asText()).isEqualTo("sig");
            assertThat(key.path("alg").asText()).isEqualTo("RS256");
        }
        assertThat(set.path("keys")).extracting(key -> key.path("kid").asText())
                .containsExactly(keys.published().get(0).kid(), keys.published().get(1).kid());
    }

    @Test
    void no_private_part_ever_appears() throws Exception {
        String json = jwks.json();
        JsonNode key = new ObjectMapper().readTree(json).path("keys").get(0);

        for (String privateField : List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k")) {
            assertThat(key.has(privateField)).as(privateField).isFalse();
        }
        String d = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(unsigned(keys.active().privateKey().getPrivateExponent()));
        assertThat(json).doesNotContain(d.substring(0, 40));
        assertThat(jwks.asMap().toString()).doesNotContain(d.substring(0, 40));
    }

    @Test
    void the_modulus_and_exponent_are_those_of_the_active_key() throws Exception {
        JsonNode key = new ObjectMapper().readTree(jwks.json()).path("keys").get(0);

        assertThat(new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText())))
                .isEqualTo(keys.active().publicKey().getModulus());
        assertThat(new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText())))
                .isEqualTo(keys.active().publicKey().getPublicExponent());
    }

    @Test
    void an_sdk_verifies_our_tokens_from_the_jwks_alone_across_a_rotation() throws Exception {
        String idToken = issuer.idToken(new IdTokenRequest("auth0|u-1", "client-1", Optional.of("a@example.com"),
                Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty())).value();
        keys.rotate();
        String accessToken = issuer.accessToken(AccessTokenRequest.clientCredentials("client-1",
                TokenSettings.defaults(ISSUER).managementAudience(), List.of("read:users"))).value();
        String published = jwks.json(); // what GET /.well-known/jwks.json serves

        JWTClaimsSet id = sdkProcessor(published, "client-1").process(idToken, null);
        JWTClaimsSet access = sdkProcessor(published, ISSUER + "api/v2/").process(accessToken, null);

        assertThat(id.getSubject()).isEqualTo("auth0|u-1");
        assertThat(id.getStringClaim("email")).isEqualTo("a@example.com");
        assertThat(access.getSubject()).isEqualTo("client-1@clients");
        assertThat(access.getStringClaim("scope")).isEqualTo("read:users");
    }

    @Test
    void an_sdk_refuses_a_token_whose_key_is_not_in_the_jwks() throws Exception {
        String published = jwks.json();
        keys.rotate();
        String token = issuer.idToken(IdTokenRequest.of("auth0|u-1", "client-1")).value();

        assertThatThrownBy(() -> sdkProcessor(published, "client-1").process(token, null))
                .isInstanceOf(BadJOSEException.class);
    }

    /** How an SDK checks a token: keys from the JWKS document only, RS256, literal iss, aud, exp. */
    private static DefaultJWTProcessor<SecurityContext> sdkProcessor(String jwksJson, String audience)
            throws Exception {
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(JWKSet.parse(jwksJson))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "iat", "exp")));
        return processor;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
