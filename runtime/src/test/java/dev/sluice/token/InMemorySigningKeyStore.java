package dev.sluice.token;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A key store in memory, for tests that are not about persistence; can be told to fail its next save. */
final class InMemorySigningKeyStore implements SigningKeyStore {

    private volatile List<SigningKey> keys = List.of();
    private volatile boolean failNextSave;
    final AtomicInteger saves = new AtomicInteger();

    @Override
    public List<SigningKey> loadAll() {
        return keys;
    }

    @Override
    public void save(List<SigningKey> keys) {
        if (failNextSave) {
            failNextSave = false;
            throw new SigningKeyStoreException("disk full (simulated)");
        }
        saves.incrementAndGet();
        this.keys = List.copyOf(keys);
    }

    void failNextSave() {
        failNextSave = true;
    }
}
