package dev.sluice.sandbox.modules;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The host side of Node's {@code crypto} module: digests, HMAC, PBKDF2 and secure random bytes over the JDK's
 * providers. Algorithms are named as Node names them ({@code sha256}); bytes cross the boundary as base64. Stateless:
 * the facade buffers {@code update} calls and digests once.
 */
public final class CryptoPrimitive {

    /** The most random bytes one call returns; larger requests are refused rather than allocated. */
    public static final int MAX_RANDOM_BYTES = 1 << 20;

    /** The most PBKDF2 iterations one call runs (about a second of CPU with SHA-256). */
    public static final int MAX_ITERATIONS = 5_000_000;

    /** The longest PBKDF2 key one call derives. */
    public static final int MAX_KEY_LENGTH = 1 << 16;

    private static final Map<String, String> DIGESTS = Map.of(
            "md5", "MD5", "sha1", "SHA-1", "sha224", "SHA-224", "sha256", "SHA-256", "sha384", "SHA-384",
            "sha512", "SHA-512", "sha512-256", "SHA-512/256", "sha3-256", "SHA3-256", "sha3-512", "SHA3-512");

    private final ModuleHost host;
    private final SecureRandom random = new SecureRandom();

    /** A primitive for one context; {@code host} runs the asynchronous PBKDF2. */
    public CryptoPrimitive(ModuleHost host) {
        this.host = host;
    }

    /** The host object the facade {@code crypto.js} receives. */
    public ProxyObject build() {
        return new HostObject()
                .fn("digest", args -> base64(digest(name(args, 0), bytes(args, 1))))
                .fn("hmac", args -> base64(hmac(name(args, 0), bytes(args, 1), bytes(args, 2))))
                .fn("pbkdf2Sync", args -> {
                    host.countPasswordHash();
                    return base64(Pbkdf2Request.of(args).derive(this));
                })
                .fn("pbkdf2", args -> {
                    host.countPasswordHash();
                    Pbkdf2Request request = Pbkdf2Request.of(args);
                    host.runBlocking(args[5], () -> base64(request.derive(this)));
                    return null;
                })
                .fn("randomBytes", args -> base64(randomBytes(integer(args, 0, "size"))))
                .fn("randomUUID", args -> UUID.randomUUID().toString())
                .build();
    }

    /** The JCA name of a Node digest name, if this module supports it. */
    public static Optional<String> jcaDigest(String nodeName) {
        return Optional.ofNullable(DIGESTS.get(nodeName));
    }

    /** {@code algorithm(data)}, for a Node digest name. */
    public byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(jca(algorithm)).digest(data);
        } catch (GeneralSecurityException e) {
            throw unsupported(algorithm);
        }
    }

    /** {@code HMAC-algorithm(key, data)}, for a Node digest name; any key length, the empty key included. */
    public byte[] hmac(String algorithm, byte[] key, byte[] data) {
        return mac(algorithm, key).doFinal(data);
    }

    /**
     * PBKDF2 (RFC 8018) with HMAC over a Node digest name, on raw password bytes (the JDK's key factory would
     * re-encode the password as text). Blocking (CPU).
     */
    public byte[] pbkdf2(String algorithm, byte[] password, byte[] salt, int iterations, int keyLength) {
        Mac mac = mac(algorithm, password);
        int blockLength = mac.getMacLength();
        byte[] out = new byte[keyLength];
        byte[] u = new byte[blockLength];
        byte[] t = new byte[blockLength];
        for (int block = 1, offset = 0; offset < keyLength; block++, offset += blockLength) {
            mac.update(salt);
            mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
            macInto(mac, u);
            System.arraycopy(u, 0, t, 0, blockLength);
            for (int i = 1; i < iterations; i++) {
                mac.update(u);
                macInto(mac, u);
                for (int j = 0; j < blockLength; j++) {
                    t[j] ^= u[j];
                }
            }
            System.arraycopy(t, 0, out, offset, Math.min(blockLength, keyLength - offset));
        }
        return out;
    }

    /** {@code size} bytes from a {@link SecureRandom}. */
    public byte[] randomBytes(int size) {
        if (size < 0 || size > MAX_RANDOM_BYTES) {
            throw new ModuleError("The value of \"size\" is out of range. It must be >= 0 && <= " + MAX_RANDOM_BYTES
                    + ". Received " + size, Map.of("code", "ERR_OUT_OF_RANGE"));
        }
        byte[] out = new byte[size];
        random.nextBytes(out);
        return out;
    }

    private Mac mac(String algorithm, byte[] key) {
        try {
            Mac mac = Mac.getInstance("Hmac" + jca(algorithm).replace("-", ""));
            // HMAC pads keys shorter than a block with zeros, so the empty key (which SecretKeySpec refuses) is the
            // same as a single zero byte.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HMAC"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw unsupported(algorithm);
        }
    }

    private static void macInto(Mac mac, byte[] target) {
        try {
            mac.doFinal(target, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jca(String algorithm) {
        return jcaDigest(algorithm).orElseThrow(() -> unsupported(algorithm));
    }

    private static ModuleError unsupported(String algorithm) {
        return new ModuleError("Invalid digest: " + algorithm, Map.of("code", "ERR_CRYPTO_INVALID_DIGEST"));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String name(Value[] args, int index) {
        return HostObject.string(args, index, "algorithm");
    }

    private static byte[] bytes(Value[] args, int index) {
        try {
            return Base64.getDecoder().decode(HostObject.string(args, index, "data"));
        } catch (IllegalArgumentException e) {
            throw new ModuleError("data must be base64", Map.of("code", "ERR_INVALID_ARG_TYPE"));
        }
    }

    private static int integer(Value[] args, int index, String what) {
        if (index >= args.length || !args[index].isNumber() || !args[index].fitsInInt()) {
            throw new ModuleError("The \"" + what + "\" argument must be an integer",
                    Map.of("code", "ERR_OUT_OF_RANGE"));
        }
        return args[index].asInt();
    }

    /** One PBKDF2 call's arguments, read and checked on the JS thread before any work is scheduled. */
    private record Pbkdf2Request(String algorithm, byte[] password, byte[] salt, int iterations, int keyLength) {
        static Pbkdf2Request of(Value[] args) {
            Pbkdf2Request request = new Pbkdf2Request(name(args, 0), bytes(args, 1), bytes(args, 2),
                    integer(args, 3, "iterations"), integer(args, 4, "keylen"));
            jca(request.algorithm);
            if (request.iterations < 1 || request.iterations > MAX_ITERATIONS) {
                throw new ModuleError("The value of \"iterations\" is out of range. It must be >= 1 && <= "
                        + MAX_ITERATIONS + ". Received " + request.iterations, Map.of("code", "ERR_OUT_OF_RANGE"));
            }
            if (request.keyLength < 0 || request.keyLength > MAX_KEY_LENGTH) {
                throw new ModuleError("The value of \"keylen\" is out of range. It must be >= 0 && <= "
                        + MAX_KEY_LENGTH + ". Received " + request.keyLength, Map.of("code", "ERR_OUT_OF_RANGE"));
            }
            return request;
        }

        byte[] derive(CryptoPrimitive crypto) {
            return crypto.pbkdf2(algorithm, password, salt, iterations, keyLength);
        }
    }
}
