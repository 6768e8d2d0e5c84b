package dev.sluice.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

    private static final String ISSUER = "https://auth.example.com/";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.750Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final SigningKeys keys = SigningKeys.open(new InMemorySigningKeyStore(), clock, 1);
    private final TokenSettings settings =
            new TokenSettings(ISSUER, Duration.ofHours(10), Duration.ofHours(24), Duration.ofSeconds(30));
    private final TokenIssuer issuer = new TokenIssuer(keys, settings, clock);

    @Test
    void an_id_token_carries_the_platform_claims_and_the_profile() throws Exception {
        var request = new IdTokenRequest("auth0|u-42", "client-1", Optional.of("ann@example.com"), Optional.of(true),
                Optional.of("Ann Lee"), Optional.of("ann"), Optional.of("https://example.com/ann.png"));

        IssuedToken token = issuer.idToken(request);

        JsonNode claims = payload(token);
        assertThat(claims.path("iss").asText()).isEqualTo(ISSUER);
        assertThat(claims.path("sub").asText()).isEqualTo("auth0|u-42");
        assertThat(claims.path("aud").asText()).isEqualTo("client-1");
        assertThat(claims.path("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.path("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 36_000);
        assertThat(claims.path("email").asText()).isEqualTo("ann@example.com");
        assertThat(claims.path("email_verified").isBoolean()).isTrue();
        assertThat(claims.path("email_verified").asBoolean()).isTrue();
        assertThat(claims.path("name").asText()).isEqualTo("Ann Lee");
        assertThat(claims.path("nickname").asText()).isEqualTo("ann");
        assertThat(claims.path("picture").asText()).isEqualTo("https://example.com/ann.png");
        assertThat(token.expiresInSeconds()).isEqualTo(36_000);
    }

    @Test
    void unknown_profile_claims_are_left_out() throws Exception {
        JsonNode claims = payload(issuer.idToken(IdTokenRequest.of("auth0|u-42", "client-1")));

        assertThat(fieldNames(claims)).containsExactlyInAnyOrder("iss", "sub", "aud", "iat", "exp");
    }

    @Test
    void the_header_names_rs256_jwt_and_the_active_key() throws Exception {
        IssuedToken token = issuer.idToken(IdTokenRequest.of("auth0|u-42", "client-1"));

        JsonNode header = part(token, 0);
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(header.path("typ").asText()).isEqualTo("JWT");
        assertThat(header.path("kid").asText()).isEqualTo(keys.active().kid()).isEqualTo(token.kid());
    }

    @Test
    void an_issuer_without_a_trailing_slash_is_kept_exactly_as_configured() throws Exception {
        var plain = new TokenIssuer(keys, TokenSettings.defaults("http://localhost:8080"), clock);

        JsonNode claims = payload(plain.idToken(IdTokenRequest.of("auth0|u-42", "client-1")));

        assertThat(claims.path("iss").asText()).isEqualTo("http://localhost:8080");
        assertThat(TokenSettings.defaults("http://localhost:8080").managementAudience())
                .isEqualTo("http://localhost:8080/api/v2/");
    }

    @Test
    void a_client_credentials_token_is_a_management_api_token() throws Exception {
        var request = AccessTokenRequest.clientCredentials("client-1", settings.managementAudience(),
                List.of("read:users", "create:connections"));

        IssuedToken token = issuer.accessToken(request);

        JsonNode claims = payload(token);
        assertThat(fieldNames(claims)).containsExactlyInAnyOrder("iss", "sub", "aud", "iat", "exp", "scope", "gty",
                "azp");
        assertThat(claims.path("iss").asText()).isEqualTo(ISSUER);
        assertThat(claims.path("sub").asText()).isEqualTo("client-1@clients");
        assertThat(claims.path("aud").asText()).isEqualTo("https://auth.example.com/api/v2/");
        assertThat(claims.path("scope").asText()).isEqualTo("read:users create:connections");
        assertThat(claims.path("gty").asText()).isEqualTo("client-credentials");
        assertThat(claims.path("azp").asText()).isEqualTo("client-1");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(86_400);
    }

    @Test
    void several_audiences_are_written_as_an_array() throws Exception {
        var request = new AccessTokenRequest("auth0|u-42", "client-1",
                List.of("https://api.example.com/", ISSUER + "userinfo"), List.of("openid"),
                AccessTokenRequest.PASSWORD);

        JsonNode aud = payload(issuer.accessToken(request)).path("aud");

        assertThat(aud.isArray()).isTrue();
        assertThat(aud).extracting(JsonNode::asText).containsExactly("https://api.example.com/", ISSUER + "userinfo");
    }

    @Test
    void extra_claims_are_written_but_never_one_the_issuer_owns() throws Exception {
        var request = new AccessTokenRequest("auth0|u-42", "client-1", List.of(ISSUER + "userinfo"),
                List.of("openid"), AccessTokenRequest.PASSWORD,
                java.util.Map.of(AccessTokenRequest.CONNECTION_CLAIM, "legacy-users"));

        assertThat(payload(issuer.accessToken(request)).path(AccessTokenRequest.CONNECTION_CLAIM).asText())
                .isEqualTo("legacy-users");
        assertThatThrownBy(() -> new AccessTokenRequest("auth0|u-42", "client-1", List.of(ISSUER + "userinfo"),
                List.of(), AccessTokenRequest.PASSWORD, java.util.Map.of("sub", "auth0|someone-else")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sub");
    }

    @Test
    void lifetimes_come_from_the_settings() throws Exception {
        var shortLived = new TokenIssuer(keys,
                new TokenSettings(ISSUER, Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ZERO), clock);

        IssuedToken id = shortLived.idToken(IdTokenRequest.of("auth0|u-42", "client-1"));
        IssuedToken access = shortLived.accessToken(
                AccessTokenRequest.clientCredentials("client-1", settings.managementAudience(), List.of()));

        assertThat(id.expiresInSeconds()).isEqualTo(300);
        assertThat(access.expiresInSeconds()).isEqualTo(900);
        assertThat(payload(access).path("scope").asText()).isEmpty();
    }

    @Test
    void an_issued_token_never_prints_its_value() {
        IssuedToken token = issuer.idToken(IdTokenRequest.of("auth0|u-42", "client-1"));

        assertThat(token.toString()).doesNotContain(token.value()).doesNotContain(token.value().split("\\.")[1]);
    }

    @Test
    void settings_name_the_bad_field() {
        assertThatThrownBy(() -> TokenSettings.defaults("auth.example.com"))
                .hasMessageStartingWith("token.issuer:");
        assertThatThrownBy(() -> TokenSettings.defaults("https://auth.example.com/?x=1"))
                .hasMessageStartingWith("token.issuer:");
        assertThatThrownBy(() -> new TokenSettings(ISSUER, Duration.ZERO, Duration.ofHours(1), Duration.ZERO))
                .hasMessageStartingWith("token.idTokenLifetime:");
        assertThatThrownBy(() -> new TokenSettings(ISSUER, Duration.ofHours(1), Duration.ofDays(31), Duration.ZERO))
                .hasMessageStartingWith("token.accessTokenLifetime:");
        assertThatThrownBy(() -> new TokenSettings(ISSUER, Duration.ofHours(1), Duration.ofHours(1),
                Duration.ofMinutes(6))).hasMessageStartingWith("token.clockSkew:");
    }

    private static JsonNode payload(IssuedToken token) throws Exception {
        return part(token, 1);
    }

    private static JsonNode part(IssuedToken token, int index) throws Exception {
        String[] parts = token.value().split("\\.");
        assertThat(parts).hasSize(3);
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[index]));
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(java.util.Map.Entry::getKey).toList();
    }
}
