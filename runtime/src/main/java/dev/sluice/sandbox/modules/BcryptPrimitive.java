package dev.sluice.sandbox.modules;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.Radix64Encoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The host side of the {@code bcrypt} module: OpenBSD bcrypt over {@code at.favre.lib:bcrypt}, with the behaviour of
 * the npm {@code bcrypt} package where the two differ: passwords are truncated to 72 bytes (never rejected), and
 * {@code $2a$}, {@code $2b$}, {@code $2x$} and PHP's {@code $2y$} hashes are all accepted. Passwords cross the
 * boundary as base64 of their UTF-8 bytes, so the JS facade decides how strings become bytes (as Node does).
 *
 * <p>The asynchronous forms hash on a virtual thread through {@link ModuleHost#runBlocking}; the synchronous ones
 * hash on the calling JS thread.
 */
public final class BcryptPrimitive {

    /** Costs above this cannot finish within the default 20 s execution limit on one core, so they are refused. */
    public static final int MAX_COST = 18;

    /** How many password bytes bcrypt uses; the rest is ignored (OpenBSD and npm {@code bcrypt} alike). */
    static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern SALT = Pattern.compile("\\$2[abxy]\\$\\d\\d\\$[./A-Za-z0-9]{22}");
    private static final int SALT_CHARS = 29;
    private static final String INVALID_SALT =
            "Invalid salt. Salt must be in the form of: $Vers$log2(NumRounds)$saltvalue";

    /** How a password compares to a stored hash. */
    public enum Verdict {
        /** The password is the one the hash was made from. */
        MATCH,
        /** The hash is well formed and the password is not the one. */
        MISMATCH,
        /** The stored value is not a bcrypt hash this module can read (npm {@code bcrypt} answers false). */
        MALFORMED
    }

    private final ModuleHost host;
    private final SecureRandom random = new SecureRandom();

    /** A primitive for one context; {@code host} runs the asynchronous forms. */
    public BcryptPrimitive(ModuleHost host) {
        this.host = host;
    }

    /** The host object the facade {@code bcrypt.js} receives. */
    public ProxyObject build() {
        return new HostObject()
                .fn("hashSync", args -> {
                    host.countPasswordHash();
                    return hash(password(args), HostObject.string(args, 1, "salt"));
                })
                .fn("hash", args -> {
                    host.countPasswordHash();
                    byte[] password = password(args);
                    String salt = HostObject.string(args, 1, "salt");
                    host.runBlocking(args[2], () -> hash(password, salt));
                    return null;
                })
                .fn("compareSync", args -> {
                    host.countPasswordHash();
                    return compare(password(args), HostObject.string(args, 1, "hash")).name();
                })
                .fn("compare", args -> {
                    host.countPasswordHash();
                    byte[] password = password(args);
                    String hash = HostObject.string(args, 1, "hash");
                    host.runBlocking(args[2], () -> compare(password, hash).name());
                    return null;
                })
                .fn("genSalt", args -> genSalt(args[0].asInt(), HostObject.string(args, 1, "minor").charAt(0)))
                .build();
    }

    /**
     * Hashes {@code password} (its bytes) with {@code salt}: a salt string {@code $2b$10$<22 chars>} or a whole hash
     * (only its first 29 characters count). The result carries the salt's version letter. Blocking (CPU).
     *
     * @throws ModuleError if the salt is not one, or its cost is above {@link #MAX_COST}
     */
    public String hash(byte[] password, String salt) {
        if (salt.length() < SALT_CHARS || !SALT.matcher(salt.substring(0, SALT_CHARS)).matches()) {
            throw new ModuleError(INVALID_SALT, Map.of());
        }
        BCrypt.Version version = version(salt.charAt(2));
        int cost = Integer.parseInt(salt.substring(4, 6));
        checkCost(cost);
        byte[] rawSalt = new Radix64Encoder.Default()
                .decode(salt.substring(7, SALT_CHARS).getBytes(StandardCharsets.US_ASCII));
        try {
            byte[] hash = BCrypt.with(version, LongPasswordStrategies.none())
                    .hash(cost, Arrays.copyOf(rawSalt, BCrypt.SALT_LENGTH), truncated(password));
            return new String(hash, StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw new ModuleError(INVALID_SALT, Map.of());
        }
    }

    /**
     * Compares {@code password} (its bytes) with a stored hash of any supported version. Never throws for a
     * malformed hash: that is {@link Verdict#MALFORMED}. Blocking (CPU).
     *
     * @throws ModuleError if the hash's cost is above {@link #MAX_COST}
     */
    public Verdict compare(byte[] password, String hash) {
        if (hash.length() < SALT_CHARS || !SALT.matcher(hash.substring(0, SALT_CHARS)).matches()) {
            return Verdict.MALFORMED;
        }
        checkCost(Integer.parseInt(hash.substring(4, 6)));
        try {
            BCrypt.Result result = BCrypt.verifyer(null, LongPasswordStrategies.none())
                    .verify(truncated(password), hash.getBytes(StandardCharsets.US_ASCII));
            if (!result.validFormat) {
                return Verdict.MALFORMED;
            }
            return result.verified ? Verdict.MATCH : Verdict.MISMATCH;
        } catch (IllegalArgumentException e) {
            // cost out of 4..31 or a salt of the wrong length, found while hashing
            return Verdict.MALFORMED;
        }
    }

    /** A new random salt such as {@code $2b$10$<22 chars>}; {@code rounds} is clamped to 4..31 as npm does. */
    public String genSalt(int rounds, char minor) {
        int cost = Math.max(BCrypt.MIN_COST, Math.min(BCrypt.MAX_COST, rounds));
        byte[] salt = new byte[BCrypt.SALT_LENGTH];
        random.nextBytes(salt);
        String encoded = new String(new Radix64Encoder.Default().encode(salt), StandardCharsets.US_ASCII);
        return "$2" + minor + "$" + (cost < 10 ? "0" : "") + cost + "$" + encoded;
    }

    private static BCrypt.Version version(char minor) {
        return switch (minor) {
            case 'a' -> BCrypt.Version.VERSION_2A;
            case 'x' -> BCrypt.Version.VERSION_2X;
            case 'y' -> BCrypt.Version.VERSION_2Y;
            default -> BCrypt.Version.VERSION_2B;
        };
    }

    private static void checkCost(int cost) {
        if (cost > MAX_COST) {
            throw new ModuleError("bcrypt cost " + cost + " is above the sandbox's maximum of " + MAX_COST,
                    Map.of("code", "ERR_BCRYPT_COST"));
        }
    }

    /**
     * The bytes bcrypt actually uses. With the favre library's own truncation a 72-byte password would lose its
     * last byte to the NUL terminator; OpenBSD keeps all 72 and drops the terminator, so truncation happens here
     * and the library passes the bytes through (it only reads the first 72 key bytes).
     */
    private static byte[] truncated(byte[] password) {
        return password.length <= MAX_PASSWORD_BYTES ? password : Arrays.copyOf(password, MAX_PASSWORD_BYTES);
    }

    private static byte[] password(Value[] args) {
        try {
            return Base64.getDecoder().decode(HostObject.string(args, 0, "data"));
        } catch (IllegalArgumentException e) {
            throw new ModuleError("data must be a string or Buffer", Map.of("code", "ERR_INVALID_ARG_TYPE"));
        }
    }
}
