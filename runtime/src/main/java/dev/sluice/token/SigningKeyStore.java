package dev.sluice.token;

import java.util.List;

/**
 * Where signing keys live between restarts. Implementations encrypt private keys at rest. The file-backed one is
 * {@link FileSigningKeyStore}; the store package can back it with its {@code signing_keys} table.
 */
public interface SigningKeyStore {

    /**
     * Loads every stored key, in the order they were last {@linkplain #save saved}: the first is the active key,
     * the others are retired keys still published for verification. Blocking (reads the backing storage).
     *
     * @return the keys; empty when nothing was ever saved
     * @throws SigningKeyStoreException when the storage cannot be read, is corrupt, or cannot be decrypted with the
     *     configured encryption key
     */
    List<SigningKey> loadAll();

    /**
     * Replaces all stored keys with {@code keys}, keeping their order (the first is the active key). Atomic: after
     * a failure the previously saved keys are still there. Blocking (writes and flushes the backing storage).
     *
     * @param keys the keys to keep; not empty
     * @throws SigningKeyStoreException when the keys cannot be written
     */
    void save(List<SigningKey> keys);
}
