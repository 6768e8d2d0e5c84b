package dev.sluice.token;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.List;
import java.util.Map;

/**
 * The JSON Web Key Set of the published signing keys, served at {@code /.well-known/jwks.json}: for each key
 * {@code kty}, {@code kid}, {@code use: "sig"}, {@code alg: "RS256"}, {@code n}, {@code e} — built from the public
 * keys only, so no private part can leak. Reflects rotations at once (computed on each call; cheap).
 */
public final class Jwks {

    private final SigningKeys keys;

    public Jwks(SigningKeys keys) {
        this.keys = keys;
    }

    /** The key set as a JSON object string. */
    public String json() {
        return keySet().toString(true);
    }

    /** The key set as a JSON-ready map ({@code {"keys": [...]}}). */
    public Map<String, Object> asMap() {
        return keySet().toJSONObject(true);
    }

    private JWKSet keySet() {
        List<JWK> publicKeys = keys.published().stream().<JWK>map(SigningKey::publicJwk).toList();
        return new JWKSet(publicKeys);
    }
}
