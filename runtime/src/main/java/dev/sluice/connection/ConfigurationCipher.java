package dev.sluice.connection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts connection {@code configuration} values at rest with AES-256-GCM: a fresh random 96-bit nonce per
 * value, and the connection id plus the value's name as associated data, so a stored value cannot be moved to
 * another connection or name. Stored form: base64 of nonce ‖ ciphertext ‖ tag.
 */
public final class ConfigurationCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    /** @param key the deployment's AES-256 key ({@code EncryptionKey.asAesKey()}) */
    public ConfigurationCipher(SecretKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** Encrypts {@code value} of {@code name} in connection {@code connectionId}. */
    String encrypt(String connectionId, String name, String value) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, connectionId, name, value.getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, stored, 0, nonce.length);
        System.arraycopy(sealed, 0, stored, nonce.length, sealed.length);
        return Base64.getEncoder().encodeToString(stored);
    }

    /**
     * Decrypts a value {@link #encrypt} produced.
     *
     * @throws IllegalStateException when it was altered, moved or encrypted under another key
     */
    String decrypt(String connectionId, String name, String stored) {
        byte[] bytes = Base64.getDecoder().decode(stored);
        byte[] nonce = Arrays.copyOfRange(bytes, 0, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        return new String(run(Cipher.DECRYPT_MODE, nonce, connectionId, name, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] nonce, String connectionId, String name, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((connectionId + "\u0000" + name).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("connection configuration '" + name + "' cannot be "
                    + (mode == Cipher.ENCRYPT_MODE ? "encrypted" : "decrypted") + " (wrong encryption key?)", e);
        }
    }
}
