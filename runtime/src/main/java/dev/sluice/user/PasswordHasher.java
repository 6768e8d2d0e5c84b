package dev.sluice.user;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * bcrypt for the own store: hashes at the configured cost ({@code $2b$}), verifies {@code $2a$}, {@code $2b$} and
 * {@code $2y$} hashes of any cost up to {@value #MAX_VERIFY_COST}, and spends the same work on unknown users
 * ({@link #verifyDummy}) so that timing does not tell them from wrong passwords. Passwords longer than 72 UTF-8
 * bytes are truncated there, as every bcrypt implementation does. All methods are blocking (CPU) and thread-safe.
 */
public final class PasswordHasher {

    /** Hashes with a higher cost are refused by {@link #verify}: one would stall a thread for minutes. */
    public static final int MAX_VERIFY_COST = 20;

    private static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern HASH = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final String DUMMY_PASSWORD = "sluice-dummy-password";
    private static final String DUMMY_ATTEMPT = "not-the-dummy-password";

    private final int cost;
    private final SecureRandom random = new SecureRandom();
    private final BCrypt.Hasher hasher = BCrypt.with(BCrypt.Version.VERSION_2B, LongPasswordStrategies.none());
    private final AtomicLong dummyVerifications = new AtomicLong();
    private final String dummyHash;

    /**
     * A hasher at {@code cost} (4..{@value #MAX_VERIFY_COST}). Computes the dummy hash once, so construction
     * costs one hash.
     *
     * @throws IllegalArgumentException naming {@code passwordHashing.cost} when the cost is out of range
     */
    public PasswordHasher(int cost) {
        if (cost < BCrypt.MIN_COST || cost > MAX_VERIFY_COST) {
            throw new IllegalArgumentException("passwordHashing.cost: must be " + BCrypt.MIN_COST + ".."
                    + MAX_VERIFY_COST + ", was " + cost);
        }
        this.cost = cost;
        this.dummyHash = hash(DUMMY_PASSWORD);
    }

    /** The cost new hashes get. */
    public int cost() {
        return cost;
    }

    /** A new {@code $2b$} hash of {@code password} with a random salt. */
    public String hash(String password) {
        byte[] salt = new byte[BCrypt.SALT_LENGTH];
        random.nextBytes(salt);
        byte[] bytes = bytes(password);
        try {
            return new String(hasher.hash(cost, salt, bytes), StandardCharsets.US_ASCII);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Whether {@code password} matches {@code hash}. False, without hashing, for anything that is not a
     * {@code $2a$}/{@code $2b$}/{@code $2y$} hash of cost 4..{@value #MAX_VERIFY_COST}.
     */
    public boolean verify(String password, String hash) {
        if (!HASH.matcher(hash).matches()) {
            return false;
        }
        int hashCost = Integer.parseInt(hash.substring(4, 6));
        if (hashCost < BCrypt.MIN_COST || hashCost > MAX_VERIFY_COST) {
            return false;
        }
        byte[] bytes = bytes(password);
        try {
            return BCrypt.verifyer(null, LongPasswordStrategies.none())
                    .verify(bytes, hash.getBytes(StandardCharsets.US_ASCII)).verified;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * A real verification at this hasher's cost against a hash no password of a user matches; always false. Call it
     * for an unknown user so that the answer takes as long as for a wrong password.
     */
    public boolean verifyDummy() {
        // The attempt never matches the dummy password: the work is the point, the answer is always no.
        verify(DUMMY_ATTEMPT, dummyHash);
        dummyVerifications.incrementAndGet();
        return false;
    }

    /** How many {@link #verifyDummy} calls this hasher has made (for metrics and tests). */
    public long dummyVerifications() {
        return dummyVerifications.get();
    }

    /** Whether {@code hash} should be replaced by a fresh one: not a bcrypt hash of this hasher's cost. */
    public boolean needsRehash(String hash) {
        return !HASH.matcher(hash).matches() || Integer.parseInt(hash.substring(4, 6)) != cost;
    }

    /** The hash {@link #verifyDummy} checks against (for tests of its cost). */
    String dummyHash() {
        return dummyHash;
    }

    private static byte[] bytes(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_PASSWORD_BYTES) {
            return bytes;
        }
        byte[] truncated = Arrays.copyOf(bytes, MAX_PASSWORD_BYTES);
        Arrays.fill(bytes, (byte) 0);
        return truncated;
    }
}
