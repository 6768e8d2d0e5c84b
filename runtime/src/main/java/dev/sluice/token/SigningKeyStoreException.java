package dev.sluice.token;

/**
 * Signing keys cannot be loaded or saved: unreadable or corrupt storage, or a wrong encryption key. The message
 * names the storage and the cause and never contains key material. The server cannot issue tokens without keys,
 * so this stops startup (or answers a bare 500 on rotation).
 */
public final class SigningKeyStoreException extends RuntimeException {

    public SigningKeyStoreException(String message) {
        super(message);
    }

    public SigningKeyStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
