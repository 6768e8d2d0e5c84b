package dev.sluice.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();

    @Test
    void an_empty_store_gets_a_first_2048_bit_key() {
        SigningKeys keys = SigningKeys.open(store, clock, 1);

        assertThat(keys.published()).hasSize(1);
        assertThat(keys.active().bits()).isEqualTo(2048);
        assertThat(keys.active().createdAt()).isEqualTo(clock.instant());
        assertThat(store.loadAll()).containsExactly(keys.active());
    }

    @Test
    void rotation_makes_a_new_active_key_and_keeps_the_previous_one_published() {
        SigningKeys keys = SigningKeys.open(store, clock, 1);
        SigningKey before = keys.active();
        clock.advance(Duration.ofDays(1));

        SigningKey after = keys.rotate();

        assertThat(keys.active()).isEqualTo(after).isNotEqualTo(before);
        assertThat(keys.published()).containsExactly(after, before);
        assertThat(keys.find(before.kid())).contains(before);
        assertThat(store.loadAll()).containsExactly(after, before);
    }

    @Test
    void rotation_drops_keys_beyond_the_retired_ones_kept() {
        SigningKeys keys = SigningKeys.open(store, clock, 2);
        SigningKey oldest = keys.active();
        SigningKey middle = keys.rotate();
        SigningKey previous = keys.rotate();
        SigningKey current = keys.rotate();

        assertThat(keys.published()).containsExactly(current, previous, middle);
        assertThat(keys.find(oldest.kid())).isEmpty();
    }

    @Test
    void a_failed_save_leaves_the_current_keys_in_use() {
        SigningKeys keys = SigningKeys.open(store, clock, 1);
        SigningKey active = keys.active();
        store.failNextSave();

        assertThatThrownBy(keys::rotate).isInstanceOf(SigningKeyStoreException.class);
        assertThat(keys.active()).isEqualTo(active);
        assertThat(keys.published()).containsExactly(active);
    }

    @Test
    void keys_survive_a_restart_through_the_file_store(@TempDir Path dir) {
        byte[] kek = "an-aes-256-key-of-32-bytes-long!".getBytes(StandardCharsets.US_ASCII);
        SigningKeys first = SigningKeys.open(new FileSigningKeyStore(dir, kek), clock, 1);
        SigningKey previous = first.active();
        SigningKey active = first.rotate();

        SigningKeys restarted = SigningKeys.open(new FileSigningKeyStore(dir, kek), clock, 1);

        assertThat(restarted.active()).isEqualTo(active);
        assertThat(restarted.published()).containsExactly(active, previous);
    }

    @Test
    void reload_picks_up_a_rotation_made_by_another_node() {
        SigningKeys nodeA = SigningKeys.open(store, clock, 1);
        SigningKeys nodeB = SigningKeys.open(store, clock, 1);
        SigningKey rotated = nodeA.rotate();

        nodeB.reload();

        assertThat(nodeB.active()).isEqualTo(rotated);
    }

    @Test
    void fewer_than_one_retired_key_kept_is_refused() {
        assertThatThrownBy(() -> SigningKeys.open(store, clock, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token.retiredKeysKept");
    }

    @Test
    void a_signing_key_never_prints_its_private_part() {
        SigningKey key = SigningKeys.open(store, clock, 1).active();

        assertThat(key.toString())
                .contains(key.kid(), "<hidden>")
                .doesNotContain(key.privateKey().getPrivateExponent().toString())
                .doesNotContain(key.privateKey().getPrivateExponent().toString(16));
    }
}
