package dev.sluice.config;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit key that encrypts secrets at rest (connection {@code configuration}, client secrets, private keys).
 * The bytes are copied in and out; {@link #toString()} never shows them.
 *
 * @param bytes exactly {@link #LENGTH} bytes
 * @param file the key file it was read from or generated into; empty when it came from configuration
 */
public record EncryptionKey(byte[] bytes, Optional<Path> file) {

    /** Key length in bytes. */
    public static final int LENGTH = 32;

    public EncryptionKey {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("an encryption key has " + LENGTH + " bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** A copy of the key bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The key for {@code javax.crypto} (algorithm {@code AES}, for AES-256-GCM). */
    public SecretKey asAesKey() {
        return new SecretKeySpec(bytes, "AES");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptionKey key && MessageDigest.isEqual(bytes, key.bytes)
                && file.equals(key.file);
    }

    @Override
    public int hashCode() {
        return file.hashCode(); // no key material in hash codes
    }

    @Override
    public String toString() {
        return "EncryptionKey[256 bits, file=" + file.map(Path::toString).orElse("") + "]";
    }
}
