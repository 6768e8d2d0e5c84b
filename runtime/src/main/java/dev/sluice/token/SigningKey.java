package dev.sluice.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One RSA signing key pair and its key id ({@code kid}, the RFC 7638 thumbprint of the public key).
 * {@link #toString()} never shows the private key.
 *
 * @param kid the key id that goes into the JWT header and the JWKS
 * @param publicKey the public half, published in the JWKS
 * @param privateKey the private half; never published, never logged, encrypted at rest by the store
 * @param createdAt when the key was generated
 */
public record SigningKey(String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey, Instant createdAt) {

    /** RSA modulus size of generated keys. */
    public static final int KEY_BITS = 2048;

    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(createdAt, "createdAt");
        if (kid.isBlank()) {
            throw new IllegalArgumentException("kid must not be blank");
        }
        if (!publicKey.getModulus().equals(privateKey.getModulus())) {
            throw new IllegalArgumentException("public and private key of " + kid + " do not belong together");
        }
        if (privateKey instanceof RSAPrivateCrtKey crt
                && !crt.getPublicExponent().equals(publicKey.getPublicExponent())) {
            throw new IllegalArgumentException("public and private key of " + kid + " do not belong together");
        }
    }

    /** Generates a fresh {@value #KEY_BITS}-bit key pair created at {@code now}. Takes tens of milliseconds. */
    public static SigningKey generate(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            var pair = generator.generateKeyPair();
            RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
            return new SigningKey(thumbprint(publicKey), publicKey, (RSAPrivateKey) pair.getPrivate(), now);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK cannot generate RSA keys", e);
        }
    }

    /** The RFC 7638 SHA-256 thumbprint of a public key, base64url: a stable, collision-free key id. */
    static String thumbprint(RSAPublicKey publicKey) {
        try {
            return new RSAKey.Builder(publicKey).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute a key thumbprint", e);
        }
    }

    /** The public key as a JWK with {@code use: sig} and {@code alg: RS256}, without any private part. */
    RSAKey publicJwk() {
        return new RSAKey.Builder(publicKey)
                .keyID(kid)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
    }

    /** The modulus size in bits. */
    public int bits() {
        return publicKey.getModulus().bitLength();
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", bits=" + bits() + ", createdAt=" + createdAt + ", privateKey=<hidden>]";
    }
}
