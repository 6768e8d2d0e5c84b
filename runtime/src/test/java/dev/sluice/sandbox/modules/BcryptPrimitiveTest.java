package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.sandbox.modules.BcryptPrimitive.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BcryptPrimitiveTest {

    /** From the PHP manual's password_verify example: password_hash('rasmuslerdorf', PASSWORD_DEFAULT). */
    private static final String PHP_2Y = "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a";

    /** Reference hashes made with bcryptjs 2.4.3 (OpenBSD semantics) and the salt below. */
    private static final String SALT = "$2a$04$abcdefghijklmnopqrstuu";

    private final BcryptPrimitive bcrypt = new BcryptPrimitive(null);

    @Test
    void php_2y_hash_verifies_its_password_and_rejects_another() {
        assertThat(bcrypt.compare(utf8("rasmuslerdorf"), PHP_2Y)).isEqualTo(Verdict.MATCH);
        assertThat(bcrypt.compare(utf8("rasmuslerdorg"), PHP_2Y)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void hashes_match_bcryptjs_for_the_same_salt() {
        assertThat(bcrypt.hash(utf8("password"), SALT))
                .isEqualTo("$2a$04$abcdefghijklmnopqrstuughE8Ev8uGFaUgY2cNEySvxngrb/Jzdm");
        assertThat(bcrypt.hash(utf8(""), SALT))
                .isEqualTo("$2a$04$abcdefghijklmnopqrstuubyCG3zY1GIXMyxfivm.ClDiInHzxjiq");
        assertThat(bcrypt.hash(utf8("pässwörd😀"), SALT))
                .isEqualTo("$2a$04$abcdefghijklmnopqrstuu2qH45gpBaaeATbcWybU7GN5ZqmYu.Pa");
    }

    @Test
    void passwords_longer_than_72_bytes_are_truncated_like_openbsd() {
        String at72 = "$2a$04$abcdefghijklmnopqrstuubzadhGtS2zEF.gu0yd0opP6cVzb.e0i";
        assertThat(bcrypt.hash(utf8("x".repeat(72)), SALT)).isEqualTo(at72);
        assertThat(bcrypt.hash(utf8("x".repeat(73)), SALT)).isEqualTo(at72);
        assertThat(bcrypt.hash(utf8("x".repeat(100)), SALT)).isEqualTo(at72);
        assertThat(bcrypt.hash(utf8("x".repeat(71)), SALT))
                .isEqualTo("$2a$04$abcdefghijklmnopqrstuu.gc7UY/21CSNJGJg21jJzx9QiOpJ9bO");
        assertThat(bcrypt.hash(utf8("é".repeat(40)), SALT))
                .isEqualTo("$2a$04$abcdefghijklmnopqrstuuKiIlCeXB6chNXkLyAo8C7XcLPzh6zUe");
    }

    @Test
    void a_hash_made_here_verifies_in_every_version() {
        for (char minor : new char[] {'a', 'b', 'y'}) {
            String hash = bcrypt.hash(utf8("secret"), bcrypt.genSalt(4, minor));
            assertThat(hash).startsWith("$2" + minor + "$04$").hasSize(60);
            assertThat(bcrypt.compare(utf8("secret"), hash)).isEqualTo(Verdict.MATCH);
            assertThat(bcrypt.compare(utf8("Secret"), hash)).isEqualTo(Verdict.MISMATCH);
        }
    }

    @Test
    void malformed_hashes_are_reported_as_such_not_as_a_mismatch() {
        for (String hash : new String[] {"", "garbage", "$2a$10$short", "$1$abc$def", PHP_2Y.substring(0, 59),
                "$2a$03$abcdefghijklmnopqrstuughE8Ev8uGFaUgY2cNEySvxngrb/Jzdm", "plain-text-password"}) {
            assertThat(bcrypt.compare(utf8("password"), hash)).as(hash).isEqualTo(Verdict.MALFORMED);
        }
    }

    @Test
    void generated_salts_clamp_rounds_like_npm() {
        assertThat(bcrypt.genSalt(1, 'b')).startsWith("$2b$04$").hasSize(29);
        assertThat(bcrypt.genSalt(12, 'a')).startsWith("$2a$12$");
        assertThat(bcrypt.genSalt(99, 'b')).startsWith("$2b$31$");
        assertThat(bcrypt.genSalt(10, 'b')).isNotEqualTo(bcrypt.genSalt(10, 'b'));
    }

    @Test
    void an_invalid_salt_fails_with_npms_message() {
        assertThatThrownBy(() -> bcrypt.hash(utf8("pw"), "not-a-salt"))
                .isInstanceOf(ModuleError.class).hasMessageStartingWith("Invalid salt");
    }

    @Test
    void costs_above_the_sandbox_maximum_are_refused_before_any_work() {
        assertThatThrownBy(() -> bcrypt.hash(utf8("pw"), "$2b$25$abcdefghijklmnopqrstuu"))
                .isInstanceOf(ModuleError.class).hasMessageContaining("maximum");
        assertThatThrownBy(() -> bcrypt.compare(utf8("pw"),
                "$2a$25$abcdefghijklmnopqrstuughE8Ev8uGFaUgY2cNEySvxngrb/Jzdm"))
                .isInstanceOf(ModuleError.class);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
