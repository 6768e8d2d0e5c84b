package dev.sluice.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSigningKeyStoreTest {

    private static final byte[] KEK = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEK = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    private static SigningKey first;
    private static SigningKey second;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() {
        first = SigningKey.generate(Instant.parse("2026-01-01T00:00:00Z"));
        second = SigningKey.generate(Instant.parse("2026-02-01T00:00:00Z"));
    }

    @Test
    void saved_keys_load_back_identical_and_in_order() {
        new FileSigningKeyStore(dir, KEK).save(List.of(second, first));

        List<SigningKey> loaded = new FileSigningKeyStore(dir, KEK).loadAll();

        assertThat(loaded).containsExactly(second, first);
        assertThat(loaded.getFirst().privateKey().getEncoded()).isEqualTo(second.privateKey().getEncoded());
        assertThat(loaded.getFirst().createdAt()).isEqualTo(second.createdAt());
    }

    @Test
    void a_missing_file_loads_as_no_keys() {
        assertThat(new FileSigningKeyStore(dir.resolve("absent"), KEK).loadAll()).isEmpty();
    }

    @Test
    void the_key_file_is_readable_by_its_owner_only_and_a_created_directory_too() throws Exception {
        Path data = dir.resolve("data");
        var store = new FileSigningKeyStore(data, KEK);
        store.save(List.of(first));
        store.save(List.of(second, first));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        try (var files = Files.list(data)) {
            assertThat(files).containsExactly(store.file()); // no temporary file left behind
        }
    }

    @Test
    void a_loose_existing_file_is_replaced_by_an_owner_only_one() throws Exception {
        var store = new FileSigningKeyStore(dir, KEK);
        Files.writeString(store.file(), "{}");
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));

        store.save(List.of(first));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void the_file_holds_no_private_key_in_plain_form() throws Exception {
        var store = new FileSigningKeyStore(dir, KEK);
        store.save(List.of(first));

        String content = Files.readString(store.file());

        String pkcs8 = Base64.getEncoder().encodeToString(first.privateKey().getEncoded());
        assertThat(content).doesNotContain(pkcs8.substring(40, 120));
        assertThat(content).doesNotContain(first.privateKey().getPrivateExponent().toString(16).substring(0, 40));
        assertThat(content).doesNotContain(new String(KEK, StandardCharsets.US_ASCII));
        assertThat(content).contains("\"kid\" : \"" + first.kid() + "\"", "AES-GCM");
    }

    @Test
    void a_wrong_encryption_key_fails_with_a_clear_error() {
        new FileSigningKeyStore(dir, KEK).save(List.of(first));

        assertThatThrownBy(() -> new FileSigningKeyStore(dir, OTHER_KEK).loadAll())
                .isInstanceOf(SigningKeyStoreException.class)
                .hasMessageContaining("cannot decrypt signing key " + first.kid())
                .hasMessageContaining("key encryption key is wrong")
                .hasMessageContaining(FileSigningKeyStore.FILE_NAME);
    }

    @Test
    void a_file_that_is_not_json_fails_as_corrupt() throws Exception {
        var store = new FileSigningKeyStore(dir, KEK);
        store.save(List.of(first));
        String content = Files.readString(store.file());
        Files.writeString(store.file(), content.substring(0, content.length() / 2));

        assertThatThrownBy(store::loadAll)
                .isInstanceOf(SigningKeyStoreException.class)
                .hasMessageContaining("signing key file " + store.file() + " is corrupt")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void a_flipped_byte_in_the_sealed_private_key_is_detected() throws Exception {
        var store = new FileSigningKeyStore(dir, KEK);
        store.save(List.of(first));
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(store.file().toFile());
        ObjectNode sealed = (ObjectNode) root.path("keys").get(0).path("privateKey");
        byte[] ciphertext = Base64.getDecoder().decode(sealed.path("ciphertext").asText());
        ciphertext[10] ^= 1;
        sealed.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
        new ObjectMapper().writeValue(store.file().toFile(), root);

        assertThatThrownBy(store::loadAll)
                .isInstanceOf(SigningKeyStoreException.class)
                .hasMessageContaining("the file was altered");
    }

    @Test
    void a_swapped_public_key_does_not_decrypt_with_the_other_private_key() throws Exception {
        var store = new FileSigningKeyStore(dir, KEK);
        store.save(List.of(first));
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(store.file().toFile());
        ((ObjectNode) root.path("keys").get(0))
                .put("publicKey", Base64.getEncoder().encodeToString(second.publicKey().getEncoded()));
        new ObjectMapper().writeValue(store.file().toFile(), root);

        assertThatThrownBy(store::loadAll)
                .isInstanceOf(SigningKeyStoreException.class)
                .hasMessageContaining("cannot decrypt signing key " + first.kid());
    }

    @Test
    void a_missing_field_is_named_in_the_error() throws Exception {
        var store = new FileSigningKeyStore(dir, KEK);
        store.save(List.of(second, first));
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(store.file().toFile());
        ((ObjectNode) root.path("keys").get(1)).remove("publicKey");
        new ObjectMapper().writeValue(store.file().toFile(), root);

        assertThatThrownBy(store::loadAll)
                .isInstanceOf(SigningKeyStoreException.class)
                .hasMessageContaining("is corrupt: keys[1].publicKey is missing or not a string");
    }

    @Test
    void an_unknown_format_is_refused() throws Exception {
        var store = new FileSigningKeyStore(dir, KEK);
        Files.writeString(store.file(), "{\"format\":\"something-else\",\"keys\":[]}");

        assertThatThrownBy(store::loadAll)
                .isInstanceOf(SigningKeyStoreException.class)
                .hasMessageContaining("unknown format");
    }

    @Test
    void an_encryption_key_of_the_wrong_length_is_refused_up_front() {
        assertThatThrownBy(() -> new FileSigningKeyStore(dir, new byte[20]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16, 24 or 32 bytes")
                .hasMessageContaining("got 20");
    }

    @Test
    void an_empty_key_set_is_never_saved() {
        assertThatThrownBy(() -> new FileSigningKeyStore(dir, KEK).save(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_caller_wiping_its_key_bytes_does_not_break_the_store() {
        byte[] kek = KEK.clone();
        var store = new FileSigningKeyStore(dir, kek);
        java.util.Arrays.fill(kek, (byte) 0);

        store.save(List.of(first));

        assertThat(new FileSigningKeyStore(dir, KEK).loadAll()).containsExactly(first);
    }
}
