package dev.sluice.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.AEADBadTagException;

/**
 * Signing keys in one JSON file, {@value #FILE_NAME}, under a data directory. The file is written atomically
 * (a temporary file, flushed, then moved over the old one) with owner-only permissions (0600 on POSIX file
 * systems; the directory is created 0700 when missing). Public keys are stored as X.509 DER, private keys as
 * PKCS#8 DER sealed with AES-GCM under the key encryption key given to the constructor, with the key id and the
 * public key as associated data. The key encryption key is never written or logged.
 */
public final class FileSigningKeyStore implements SigningKeyStore {

    /** Name of the key file inside the data directory. */
    public static final String FILE_NAME = "signing-keys.json";
    static final String FORMAT = "sluice-signing-keys/1";

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Path directory;
    private final Path file;
    private final PrivateKeyCipher cipher;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param dataDirectory where the key file lives; created on the first save when missing
     * @param keyEncryptionKey AES key (16, 24 or 32 bytes) that seals the private keys; copied, never logged
     * @throws IllegalArgumentException when the key has another length
     */
    public FileSigningKeyStore(Path dataDirectory, byte[] keyEncryptionKey) {
        this(dataDirectory, keyEncryptionKey, new SecureRandom());
    }

    FileSigningKeyStore(Path dataDirectory, byte[] keyEncryptionKey, SecureRandom random) {
        this.directory = dataDirectory.toAbsolutePath();
        this.file = directory.resolve(FILE_NAME);
        this.cipher = new PrivateKeyCipher(keyEncryptionKey, random);
    }

    /** The key file this store reads and writes. */
    public Path file() {
        return file;
    }

    @Override
    public List<SigningKey> loadAll() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new SigningKeyStoreException("cannot read signing keys from " + file + ": " + e.getMessage(), e);
        }
        return parse(bytes);
    }

    @Override
    public void save(List<SigningKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("refusing to save an empty key set to " + file);
        }
        ObjectNode root = json.createObjectNode().put("format", FORMAT);
        ArrayNode entries = root.putArray("keys");
        keys.forEach(key -> entries.add(entry(key)));
        try {
            writeAtomically(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new SigningKeyStoreException("cannot write signing keys to " + file + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode entry(SigningKey key) {
        byte[] publicDer = key.publicKey().getEncoded();
        byte[] privateDer = key.privateKey().getEncoded();
        try {
            PrivateKeyCipher.Sealed sealed = cipher.encrypt(privateDer, associatedData(key.kid(), publicDer));
            ObjectNode entry = json.createObjectNode()
                    .put("kid", key.kid())
                    .put("createdAt", key.createdAt().toString())
                    .put("publicKey", B64.encodeToString(publicDer));
            entry.putObject("privateKey")
                    .put("alg", PrivateKeyCipher.ALGORITHM)
                    .put("nonce", B64.encodeToString(sealed.nonce()))
                    .put("ciphertext", B64.encodeToString(sealed.ciphertext()));
            return entry;
        } finally {
            Arrays.fill(privateDer, (byte) 0);
        }
    }

    private void writeAtomically(byte[] content) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(directory)) {
            if (posix) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } else {
                Files.createDirectories(directory);
            }
        }
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(directory, "." + FILE_NAME, ".tmp", attributes);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private List<SigningKey> parse(byte[] bytes) {
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw corrupt("not valid JSON (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw corrupt("not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw corrupt("expected a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw corrupt("unknown format " + root.path("format") + ", expected \"" + FORMAT + "\"");
        }
        JsonNode entries = root.path("keys");
        if (!entries.isArray()) {
            throw corrupt("\"keys\" must be an array");
        }
        List<SigningKey> keys = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            keys.add(key(entries.get(i), "keys[" + i + "]"));
        }
        return List.copyOf(keys);
    }

    private SigningKey key(JsonNode entry, String path) {
        String kid = text(entry, "kid", path);
        Instant createdAt = instant(text(entry, "createdAt", path), path + ".createdAt");
        byte[] publicDer = base64(text(entry, "publicKey", path), path + ".publicKey");
        RSAPublicKey publicKey = publicKey(publicDer, path + ".publicKey");
        JsonNode sealedNode = entry.path("privateKey");
        if (!PrivateKeyCipher.ALGORITHM.equals(sealedNode.path("alg").asText(null))) {
            throw corrupt(path + ".privateKey.alg must be \"" + PrivateKeyCipher.ALGORITHM + "\"");
        }
        var sealed = new PrivateKeyCipher.Sealed(
                base64(text(sealedNode, "nonce", path + ".privateKey"), path + ".privateKey.nonce"),
                base64(text(sealedNode, "ciphertext", path + ".privateKey"), path + ".privateKey.ciphertext"));
        byte[] privateDer = decrypt(sealed, kid, publicDer);
        try {
            return new SigningKey(kid, publicKey, privateKey(privateDer, path + ".privateKey"), createdAt);
        } catch (IllegalArgumentException e) {
            throw corrupt(path + ": " + e.getMessage());
        } finally {
            Arrays.fill(privateDer, (byte) 0);
        }
    }

    private byte[] decrypt(PrivateKeyCipher.Sealed sealed, String kid, byte[] publicDer) {
        try {
            return cipher.decrypt(sealed, associatedData(kid, publicDer));
        } catch (AEADBadTagException e) {
            throw new SigningKeyStoreException("cannot decrypt signing key " + kid + " from " + file
                    + ": the key encryption key is wrong, or the file was altered");
        }
    }

    private static byte[] associatedData(String kid, byte[] publicDer) {
        byte[] id = (FORMAT + "\n" + kid + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] data = Arrays.copyOf(id, id.length + publicDer.length);
        System.arraycopy(publicDer, 0, data, id.length, publicDer.length);
        return data;
    }

    private String text(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw corrupt(path + "." + field + " is missing or not a string");
        }
        return value.asText();
    }

    private Instant instant(String value, String path) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw corrupt(path + " is not an ISO-8601 instant");
        }
    }

    private byte[] base64(String value, String path) {
        try {
            return B64D.decode(value);
        } catch (IllegalArgumentException e) {
            throw corrupt(path + " is not valid base64");
        }
    }

    private RSAPublicKey publicKey(byte[] der, String path) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw corrupt(path + " is not an RSA public key");
        }
    }

    private RSAPrivateKey privateKey(byte[] der, String path) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw corrupt(path + " is not an RSA private key");
        }
    }

    private SigningKeyStoreException corrupt(String detail) {
        return new SigningKeyStoreException("signing key file " + file + " is corrupt: " + detail);
    }

    @Override
    public String toString() {
        return "FileSigningKeyStore[" + file + "]";
    }
}
