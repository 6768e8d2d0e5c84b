package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CryptoPrimitiveTest {

    private static final HexFormat HEX = HexFormat.of();

    private final CryptoPrimitive crypto = new CryptoPrimitive(null);

    @Test
    void digests_of_abc_match_the_published_vectors() {
        assertThat(hex(crypto.digest("md5", ascii("abc")))).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(hex(crypto.digest("sha1", ascii("abc")))).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(hex(crypto.digest("sha256", ascii("abc"))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(hex(crypto.digest("sha512", ascii("abc")))).startsWith("ddaf35a193617abacc417349ae204131");
    }

    @Test
    void hmac_sha256_matches_rfc_4231_test_cases_1_and_2() {
        byte[] key = new byte[20];
        Arrays.fill(key, (byte) 0x0b);
        assertThat(hex(crypto.hmac("sha256", key, ascii("Hi There"))))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        assertThat(hex(crypto.hmac("sha256", ascii("Jefe"), ascii("what do ya want for nothing?"))))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void hmac_accepts_the_empty_key_as_node_does() {
        assertThat(hex(crypto.hmac("sha256", new byte[0], new byte[0])))
                .isEqualTo("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
    }

    @Test
    void pbkdf2_sha1_matches_rfc_6070() {
        assertThat(hex(crypto.pbkdf2("sha1", ascii("password"), ascii("salt"), 1, 20)))
                .isEqualTo("0c60c80f961f0e71f3a9b524af6012062fe037a6");
        assertThat(hex(crypto.pbkdf2("sha1", ascii("password"), ascii("salt"), 4096, 20)))
                .isEqualTo("4b007901b765489abead49d926f721d065a429c1");
        assertThat(hex(crypto.pbkdf2("sha1", ascii("passwordPASSWORDpassword"),
                ascii("saltSALTsaltSALTsaltSALTsaltSALTsalt"), 4096, 25)))
                .isEqualTo("3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038");
        assertThat(hex(crypto.pbkdf2("sha1", ascii("pass\0word"), ascii("sa\0lt"), 4096, 16)))
                .isEqualTo("56fa6aa75548099dcc37d7f03425e0c3");
    }

    @Test
    void pbkdf2_sha256_spanning_two_blocks_matches_node() {
        assertThat(hex(crypto.pbkdf2("sha256", ascii("password"), ascii("salt"), 1, 64)))
                .isEqualTo("120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
                        + "4dbf3a2f3dad3377264bb7b8e8330d4efc7451418617dabef683735361cdc18c");
    }

    @Test
    void unknown_digests_fail_with_nodes_code() {
        assertThatThrownBy(() -> crypto.digest("whirlpool", new byte[0]))
                .isInstanceOfSatisfying(ModuleError.class, e -> assertThat(ModuleError.toJson(e))
                        .contains("ERR_CRYPTO_INVALID_DIGEST"));
    }

    @Test
    void random_bytes_have_the_asked_length_and_a_ceiling() {
        assertThat(crypto.randomBytes(32)).hasSize(32).isNotEqualTo(crypto.randomBytes(32));
        assertThat(crypto.randomBytes(0)).isEmpty();
        assertThatThrownBy(() -> crypto.randomBytes(CryptoPrimitive.MAX_RANDOM_BYTES + 1))
                .isInstanceOf(ModuleError.class);
        assertThatThrownBy(() -> crypto.randomBytes(-1)).isInstanceOf(ModuleError.class);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
