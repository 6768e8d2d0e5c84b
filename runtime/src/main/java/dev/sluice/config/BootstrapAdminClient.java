package dev.sluice.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The bootstrap Management API client: both of {@code SLUICE_ADMIN_CLIENT_ID} and {@code SLUICE_ADMIN_CLIENT_SECRET}
 * or neither. With neither, it lives in {@code admin-client.json} under the data directory
 * ({@code {"client_id": ..., "client_secret": ...}}, owner-only): generated on first start, reused afterwards.
 * The log says where the file is, never the secret.
 */
final class BootstrapAdminClient {

    /** Name of the generated file under the data directory. */
    static final String FILE_NAME = "admin-client.json";

    private static final Logger LOG = Logger.getLogger(BootstrapAdminClient.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ID_LENGTH = 32;
    private static final int SECRET_BYTES = 48;

    private BootstrapAdminClient() {
    }

    /** The configured client; empty when neither setting is given; throws {@link ConfigException} otherwise. */
    static Optional<AdminClientConfig> configured(Settings settings) {
        Optional<SettingValue> id = settings.get(Setting.ADMIN_CLIENT_ID);
        Optional<SettingValue> secret = settings.get(Setting.ADMIN_CLIENT_SECRET);
        if (id.isEmpty() && secret.isEmpty()) {
            return Optional.empty();
        }
        if (secret.isEmpty()) {
            throw new ConfigException(Setting.ADMIN_CLIENT_SECRET.env(), "must be set together with "
                    + id.get().where() + " (set both, or neither to have a client generated)");
        }
        if (id.isEmpty()) {
            throw new ConfigException(Setting.ADMIN_CLIENT_ID.env(), "must be set together with "
                    + secret.get().where() + " (set both, or neither to have a client generated)");
        }
        if (!AdminClientConfig.isValidId(id.get().text())) {
            throw id.get().invalid("must be 1 to 128 printable ASCII characters without spaces, got '"
                    + id.get().text() + "'");
        }
        if (!AdminClientConfig.isValidSecret(secret.get().text())) {
            throw secret.get().invalid("must be " + AdminClientConfig.MIN_SECRET_LENGTH
                    + " to 1024 printable ASCII characters without spaces");
        }
        return Optional.of(new AdminClientConfig(id.get().text(), secret.get().text(), Optional.empty()));
    }

    /** The client in {@code dataDirectory}'s file, generated there first when missing. */
    static AdminClientConfig fromDataDirectory(Path dataDirectory, SecureRandom random) {
        OwnerOnlyFile file = new OwnerOnlyFile(dataDirectory.resolve(FILE_NAME));
        Optional<AdminClientConfig> existing = file.read().map(content -> parse(file.path(), content));
        if (existing.isPresent()) {
            LOG.info(() -> "Bootstrap admin client '" + existing.get().id() + "': credentials in " + file.path());
            return existing.get();
        }
        AdminClientConfig generated = new AdminClientConfig(randomId(random), randomSecret(random),
                Optional.of(file.path()));
        if (!file.create(json(generated))) {
            return fromDataDirectory(dataDirectory, random); // another start created it first: use theirs
        }
        LOG.info(() -> "Generated bootstrap admin client '" + generated.id() + "'; its secret is in " + file.path()
                + " (readable only by its owner)");
        return generated;
    }

    private static AdminClientConfig parse(Path path, byte[] content) {
        try {
            JsonNode node = JSON.readTree(content);
            JsonNode id = node == null ? null : node.get("client_id");
            JsonNode secret = node == null ? null : node.get("client_secret");
            if (id == null || !id.isTextual() || !AdminClientConfig.isValidId(id.textValue())
                    || secret == null || !secret.isTextual() || !AdminClientConfig.isValidSecret(secret.textValue())) {
                throw new ConfigException(path.toString(), "must hold {\"client_id\": ..., \"client_secret\": ...}"
                        + " with a valid id and secret; fix or delete it to have a new client generated");
            }
            return new AdminClientConfig(id.textValue(), secret.textValue(), Optional.of(path));
        } catch (IOException e) {
            throw new ConfigException(path.toString(), "is not valid JSON; fix or delete it to have a new client"
                    + " generated", e);
        }
    }

    private static byte[] json(AdminClientConfig client) {
        ObjectNode node = JSON.createObjectNode().put("client_id", client.id()).put("client_secret", client.secret());
        return (node.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String randomId(SecureRandom random) {
        StringBuilder id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private static String randomSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
