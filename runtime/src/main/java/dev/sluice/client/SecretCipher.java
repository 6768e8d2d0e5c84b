package dev.sluice.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for client secrets at rest: {@code base64(iv ‖ ciphertext ‖ tag)}, a fresh 96-bit IV per secret, and
 * the client id as associated data so a ciphertext cannot be moved to another client. Thread-safe.
 */
final class SecretCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random;

    SecretCipher(SecretKey key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    String encrypt(String clientId, String secret) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, clientId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a client secret", e);
        }
    }

    /** The secret; throws {@link IllegalStateException} when the key is not the one that encrypted it. */
    String decrypt(String clientId, String stored) {
        byte[] in = Base64.getDecoder().decode(stored);
        try {
            byte[] iv = java.util.Arrays.copyOf(in, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, iv, clientId);
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt the secret of client " + clientId
                    + " (was the encryption key changed?)", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String clientId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(clientId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
