package dev.sluice.token;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM for private keys at rest: a fresh 96-bit nonce per encryption, a 128-bit tag, and associated data that
 * binds the ciphertext to its key id and public key, so a swapped or edited entry fails to decrypt.
 */
final class PrivateKeyCipher {

    static final String ALGORITHM = "AES-GCM";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random;

    PrivateKeyCipher(byte[] keyBytes, SecureRandom random) {
        if (keyBytes.length != 16 && keyBytes.length != 24 && keyBytes.length != 32) {
            throw new IllegalArgumentException(
                    "the key encryption key must be 16, 24 or 32 bytes (AES-128/192/256), got " + keyBytes.length);
        }
        this.key = new SecretKeySpec(keyBytes.clone(), "AES");
        this.random = random;
    }

    /** A sealed value: the nonce and the ciphertext with its tag. */
    record Sealed(byte[] nonce, byte[] ciphertext) {
    }

    Sealed encrypt(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return new Sealed(nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts a sealed value.
     *
     * @throws AEADBadTagException when the key is wrong or any byte of nonce, ciphertext or associated data changed
     */
    byte[] decrypt(Sealed sealed, byte[] associatedData) throws AEADBadTagException {
        if (sealed.nonce().length != NONCE_BYTES) {
            throw new AEADBadTagException("nonce must be " + NONCE_BYTES + " bytes");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }
}
