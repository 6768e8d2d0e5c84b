package dev.sluice.token;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The published signing keys: one active key that signs new tokens and a few retired keys that still verify
 * tokens signed before the last rotations. {@link #rotate()} makes a new active key and keeps the previous ones
 * published, up to {@code retiredKeysKept}; the oldest beyond that are dropped. Every change is saved to the
 * {@link SigningKeyStore} before it becomes visible, so a failed save changes nothing. Thread-safe: readers see
 * an immutable snapshot; rotations are serialized.
 */
public final class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    private final SigningKeyStore store;
    private final Clock clock;
    private final int retiredKeysKept;
    private volatile List<SigningKey> published;

    private SigningKeys(SigningKeyStore store, Clock clock, int retiredKeysKept, List<SigningKey> published) {
        this.store = store;
        this.clock = clock;
        this.retiredKeysKept = retiredKeysKept;
        this.published = published;
    }

    /**
     * Loads the keys from {@code store}; when it holds none, generates a first key and saves it. Blocking.
     *
     * @param retiredKeysKept how many keys to keep published after they stop signing; at least 1, so tokens signed
     *     just before a rotation stay verifiable until they expire
     * @throws SigningKeyStoreException when the store cannot be read or written
     * @throws IllegalArgumentException when {@code retiredKeysKept} is below 1
     */
    public static SigningKeys open(SigningKeyStore store, Clock clock, int retiredKeysKept) {
        if (retiredKeysKept < 1) {
            throw new IllegalArgumentException("token.retiredKeysKept: must be at least 1, got " + retiredKeysKept);
        }
        List<SigningKey> loaded = List.copyOf(store.loadAll());
        var keys = new SigningKeys(store, clock, retiredKeysKept, loaded);
        if (loaded.isEmpty()) {
            keys.rotate();
        } else {
            LOG.info(() -> "signing keys loaded: active kid " + loaded.getFirst().kid() + ", "
                    + (loaded.size() - 1) + " retired");
        }
        return keys;
    }

    /** The key that signs new tokens. Never blocks. */
    public SigningKey active() {
        return published.getFirst();
    }

    /** Every published key, the active one first. Never blocks. */
    public List<SigningKey> published() {
        return published;
    }

    /** The published key with this id; empty when it is unknown or no longer published. Never blocks. */
    public Optional<SigningKey> find(String kid) {
        return published.stream().filter(key -> key.kid().equals(kid)).findFirst();
    }

    /**
     * Generates a new active key; the previous active key stays published as a retired key. Blocking (generates an
     * RSA key, saves to the store).
     *
     * @return the new active key
     * @throws SigningKeyStoreException when the new key set cannot be saved; the current keys then stay in use
     */
    public synchronized SigningKey rotate() {
        SigningKey fresh = SigningKey.generate(clock.instant());
        List<SigningKey> next = new ArrayList<>();
        next.add(fresh);
        published.stream().limit(retiredKeysKept).forEach(next::add);
        store.save(List.copyOf(next));
        List<SigningKey> previous = published;
        published = List.copyOf(next);
        LOG.info(() -> "signing key rotated: active kid " + fresh.kid()
                + (previous.isEmpty() ? " (first key)" : ", previous kid " + previous.getFirst().kid())
                + ", " + (next.size() - 1) + " retired kept");
        return fresh;
    }

    /**
     * Reads the keys again from the store, picking up a rotation made by another node. Blocking. Keeps the current
     * keys when the store is empty.
     *
     * @throws SigningKeyStoreException when the store cannot be read
     */
    public synchronized void reload() {
        List<SigningKey> loaded = List.copyOf(store.loadAll());
        if (!loaded.isEmpty()) {
            published = loaded;
        }
    }
}
