package dev.sluice.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Where the at-rest encryption key comes from, in order: {@code SLUICE_ENCRYPTION_KEY} (base64 or base64url of 32
 * bytes); {@code SLUICE_ENCRYPTION_KEY_FILE} (an existing owner-only file holding the same); else
 * {@code encryption.key} under the data directory, generated on first start and reused afterwards.
 */
final class EncryptionKeySource {

    /** Name of the generated key file under the data directory. */
    static final String FILE_NAME = "encryption.key";

    private static final Logger LOG = Logger.getLogger(EncryptionKeySource.class.getName());

    private final Settings settings;
    private final Path base;

    EncryptionKeySource(Settings settings, Path base) {
        this.settings = settings;
        this.base = base;
    }

    /** The key given directly in configuration, if any; throws {@link ConfigException} when it is malformed. */
    Optional<EncryptionKey> configuredKey() {
        return settings.get(Setting.ENCRYPTION_KEY)
                .map(value -> new EncryptionKey(decode(value.text(), value.where()), Optional.empty()));
    }

    /** The key: configured, or read from its file, or generated into {@code dataDirectory}. */
    EncryptionKey load(Path dataDirectory, SecureRandom random) {
        Optional<EncryptionKey> configured = configuredKey();
        if (configured.isPresent()) {
            return configured.get();
        }
        Optional<SettingValue> keyFile = settings.get(Setting.ENCRYPTION_KEY_FILE);
        if (keyFile.isPresent()) {
            return fromConfiguredFile(keyFile.get());
        }
        return fromDataDirectory(new OwnerOnlyFile(dataDirectory.resolve(FILE_NAME)), random);
    }

    private EncryptionKey fromConfiguredFile(SettingValue setting) {
        OwnerOnlyFile file = new OwnerOnlyFile(setting.asPath(base));
        // A configured key file is never generated: a typo would otherwise silently start a new, empty key.
        byte[] content = file.read().orElseThrow(() -> setting.invalid("no such file: " + file.path()));
        return new EncryptionKey(decode(text(content), file.path().toString()), Optional.of(file.path()));
    }

    private static EncryptionKey fromDataDirectory(OwnerOnlyFile file, SecureRandom random) {
        Optional<byte[]> existing = file.read();
        if (existing.isPresent()) {
            LOG.info(() -> "At-rest encryption key read from " + file.path());
            return new EncryptionKey(decode(text(existing.get()), file.path().toString()), Optional.of(file.path()));
        }
        byte[] key = new byte[EncryptionKey.LENGTH];
        random.nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key) + "\n";
        if (!file.create(encoded.getBytes(StandardCharsets.US_ASCII))) {
            return fromDataDirectory(file, random); // another start created it first: use theirs
        }
        LOG.info(() -> "Generated the at-rest encryption key in " + file.path() + " (readable only by its owner);"
                + " back it up: encrypted data cannot be read without it");
        return new EncryptionKey(key, Optional.of(file.path()));
    }

    private static String text(byte[] content) {
        return new String(content, StandardCharsets.US_ASCII).strip();
    }

    private static byte[] decode(String text, String where) {
        String trimmed = text.strip();
        byte[] key;
        try {
            boolean url = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0;
            key = (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where, "must be the base64 of " + EncryptionKey.LENGTH + " random bytes"
                    + " (e.g. openssl rand -base64 32); it is not valid base64");
        }
        if (key.length != EncryptionKey.LENGTH) {
            Arrays.fill(key, (byte) 0);
            throw new ConfigException(where, "must be the base64 of " + EncryptionKey.LENGTH + " random bytes"
                    + " (e.g. openssl rand -base64 32); it decodes to " + key.length + " bytes");
        }
        return key;
    }
}
