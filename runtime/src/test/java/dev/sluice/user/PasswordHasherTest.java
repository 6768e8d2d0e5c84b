package dev.sluice.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(5);

    @Test
    void a_hash_verifies_its_password_and_no_other() {
        String hash = hasher.hash("correct horse");

        assertThat(hash).startsWith("$2b$05$").hasSize(60);
        assertThat(hasher.verify("correct horse", hash)).isTrue();
        assertThat(hasher.verify("correct horsE", hash)).isFalse();
    }

    @Test
    void two_hashes_of_one_password_differ_by_their_salt() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void hashes_of_2a_2b_and_2y_and_of_other_costs_verify() {
        for (BCrypt.Version version : new BCrypt.Version[] {BCrypt.Version.VERSION_2A, BCrypt.Version.VERSION_2B,
                BCrypt.Version.VERSION_2Y}) {
            String hash = BCrypt.with(version).hashToString(4, "pässword".toCharArray());

            assertThat(hasher.verify("pässword", hash)).as(hash).isTrue();
            assertThat(hasher.verify("password", hash)).as(hash).isFalse();
        }
    }

    @Test
    void a_2y_hash_made_by_php_verifies() {
        // password_hash('rasmuslerdorf', PASSWORD_BCRYPT, ['cost' => 7, 'salt' => 'usesomesillystringforsalt']),
        // the example of PHP's crypt() documentation.
        String php = "$2y$07$usesomesillystringfore2uDLvp1Ii2e./U9C8sBjqp8I90dH6hi";

        assertThat(hasher.verify("rasmuslerdorf", php)).isTrue();
        assertThat(hasher.verify("rasmuslerdorF", php)).isFalse();
    }

    @Test
    void anything_but_a_supported_bcrypt_hash_is_a_mismatch() {
        String valid = hasher.hash("pw");

        assertThat(hasher.verify("pw", "")).isFalse();
        assertThat(hasher.verify("pw", "pw")).isFalse();
        assertThat(hasher.verify("pw", "$2x$" + valid.substring(4))).isFalse();
        assertThat(hasher.verify("pw", valid.substring(0, 59))).isFalse();
        assertThat(hasher.verify("pw", "$2b$31$" + valid.substring(7))).as("cost above the ceiling").isFalse();
    }

    @Test
    void passwords_are_truncated_at_72_bytes_as_bcrypt_does() {
        String seventyTwo = "x".repeat(72);
        String hash = hasher.hash(seventyTwo + "ignored");

        assertThat(hasher.verify(seventyTwo, hash)).isTrue();
        assertThat(seventyTwo.getBytes(StandardCharsets.UTF_8)).hasSize(72);
    }

    @Test
    void the_dummy_verification_is_a_real_check_at_the_configured_cost_that_never_matches() {
        PasswordHasher costly = new PasswordHasher(6);

        assertThat(costly.verifyDummy()).isFalse();
        assertThat(costly.dummyHash()).startsWith("$2b$06$").hasSize(60);
        assertThat(costly.verify("sluice-dummy-password", costly.dummyHash()))
                .as("the dummy hash is a genuine bcrypt hash, so verifyDummy does the full work").isTrue();
    }

    @Test
    void only_hashes_of_another_cost_or_kind_need_a_rehash() {
        assertThat(hasher.needsRehash(hasher.hash("pw"))).isFalse();
        assertThat(hasher.needsRehash(new PasswordHasher(4).hash("pw"))).isTrue();
        assertThat(hasher.needsRehash("pbkdf2$...")).isTrue();
    }

    @Test
    void a_cost_out_of_range_is_refused_naming_the_field() {
        assertThatThrownBy(() -> new PasswordHasher(3)).hasMessageStartingWith("passwordHashing.cost:");
        assertThatThrownBy(() -> new PasswordHasher(21)).hasMessageStartingWith("passwordHashing.cost:");
    }
}
