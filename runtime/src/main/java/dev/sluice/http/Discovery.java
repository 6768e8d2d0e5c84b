package dev.sluice.http;

import dev.sluice.config.IssuerConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The OpenID Provider metadata served at {@code /.well-known/openid-configuration}. {@code issuer} is the
 * configured issuer exactly (SDKs compare it literally with the tokens' {@code iss}); the endpoints are resolved
 * against it.
 */
final class Discovery {

    private Discovery() {
    }

    /** The document for {@code issuer} whose token endpoint accepts {@code grantTypes}. */
    static JsonObject document(IssuerConfig issuer, List<String> grantTypes) {
        return new JsonObject()
                .put("issuer", issuer.url())
                .put("jwks_uri", issuer.resolve(".well-known/jwks.json"))
                .put("token_endpoint", issuer.resolve("oauth/token"))
                .put("userinfo_endpoint", issuer.resolve("userinfo"))
                .put("response_types_supported", new JsonArray(List.of("token", "id_token", "token id_token")))
                .put("subject_types_supported", new JsonArray(List.of("public")))
                .put("id_token_signing_alg_values_supported", new JsonArray(List.of("RS256")))
                .put("scopes_supported", new JsonArray(List.of("openid", "profile", "email")))
                .put("claims_supported", new JsonArray(List.of("iss", "sub", "aud", "iat", "exp", "email",
                        "email_verified", "name", "nickname", "picture")))
                .put("grant_types_supported", new JsonArray(grantTypes));
    }
}
