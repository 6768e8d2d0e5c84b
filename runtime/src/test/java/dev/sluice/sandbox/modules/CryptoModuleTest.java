package dev.sluice.sandbox.modules;

import static dev.sluice.sandbox.modules.ScriptRuns.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sandbox.SandboxRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code crypto} module as scripts use it, in the real sandbox; expected values come from Node 20. */
class CryptoModuleTest {

    @RegisterExtension
    static final SandboxRunner runner = new SandboxRunner();

    private static JsonNode run(String body) {
        return value(runner, "async function login(email, password, callback) {\nconst crypto = require('crypto');\n"
                + body + "\n}");
    }

    @Test
    void hashes_digest_to_every_encoding_and_to_a_buffer() {
        JsonNode out = run("""
                const h = crypto.createHash('sha256').update('a').update(Buffer.from('b')).update('63', 'hex');
                const raw = crypto.createHash('SHA256').update('abc').digest();
                callback(null, {hex: h.digest('hex'),
                    base64: crypto.createHash('sha256').update('abc').digest('base64'),
                    isBuffer: Buffer.isBuffer(raw), length: raw.length,
                    md5: crypto.createHash('md5').update('abc').digest('hex'),
                    sha1: crypto.createHash('sha1').update('abc').digest('hex'),
                    sha512: crypto.createHash('sha512').update('abc').digest('hex').slice(0, 32),
                    hashes: crypto.getHashes().includes('sha384')});""");
        assertThat(out.path("hex").asText())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(out.path("base64").asText()).isEqualTo("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
        assertThat(out.path("isBuffer").asBoolean()).isTrue();
        assertThat(out.path("length").asInt()).isEqualTo(32);
        assertThat(out.path("md5").asText()).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(out.path("sha1").asText()).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(out.path("sha512").asText()).isEqualTo("ddaf35a193617abacc417349ae204131");
        assertThat(out.path("hashes").asBoolean()).isTrue();
    }

    @Test
    void hmac_matches_rfc_4231() {
        JsonNode out = run("""
                callback(null, {
                    case1: crypto.createHmac('sha256', Buffer.alloc(20, 0x0b)).update('Hi There').digest('hex'),
                    case2: crypto.createHmac('sha256', 'Jefe').update('what do ya want for nothing?')
                        .digest('hex')});""");
        assertThat(out.path("case1").asText())
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        assertThat(out.path("case2").asText())
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void pbkdf2_matches_rfc_6070_in_both_forms() {
        JsonNode out = run("""
                const asyncKey = await new Promise((resolve, reject) =>
                    crypto.pbkdf2('password', 'salt', 4096, 20, 'sha1',
                    (err, key) => (err ? reject(err) : resolve(key))));
                callback(null, {async: asyncKey.toString('hex'),
                    sync: crypto.pbkdf2Sync('pass\\0word', 'sa\\0lt', 4096, 16, 'sha1').toString('hex')});""");
        assertThat(out.path("async").asText()).isEqualTo("4b007901b765489abead49d926f721d065a429c1");
        assertThat(out.path("sync").asText()).isEqualTo("56fa6aa75548099dcc37d7f03425e0c3");
    }

    @Test
    void aspnet_membership_and_identity_v2_hashes_verify() {
        // Values computed with Node 20 as the published ASP.NET templates compute them.
        JsonNode out = run("""
                const salt = Buffer.from('MDEyMzQ1Njc4OWFiY2RlZg==', 'base64');
                const membership = crypto.createHmac('sha256', Buffer.concat([salt, salt, salt, salt]))
                    .update(Buffer.from('P@ssw0rd', 'ucs2')).digest('base64');
                const stored = Buffer.from(
                    'AGZlZGNiYTk4NzY1NDMyMTDkuab4nydl9If9kPGtMiqRNcTtmdwKIYCNZjsX722RvA==', 'base64');
                crypto.pbkdf2('P@ssw0rd', stored.slice(1, 17), 1000, 32, function (err, subkey) {
                    callback(err, {membership, identity: crypto.timingSafeEqual(subkey, stored.slice(17, 49))});
                });""");
        assertThat(out.path("membership").asText()).isEqualTo("isuDg1MdxeD1/UnzUCj358Fv28I13A2FSdfUQJPkpTI=");
        assertThat(out.path("identity").asBoolean()).isTrue();
    }

    @Test
    void random_values_and_node_errors() {
        JsonNode out = run("""
                let lengthError;
                try { crypto.timingSafeEqual(Buffer.alloc(1), Buffer.alloc(2)); } catch (e) { lengthError = e.code; }
                let finalized;
                const h = crypto.createHash('md5');
                h.digest();
                try { h.digest(); } catch (e) { finalized = e.code; }
                let unknown;
                try { crypto.createHmac('nope', 'k'); } catch (e) { unknown = e.code; }
                const viaCallback = await new Promise((resolve) =>
                    crypto.randomBytes(16, (err, buf) => resolve(buf.length)));
                callback(null, {length: crypto.randomBytes(24).length, viaCallback, lengthError, finalized, unknown,
                    uuid: crypto.randomUUID(), equal: crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ab')),
                    int: crypto.randomInt(10)});""");
        assertThat(out.path("length").asInt()).isEqualTo(24);
        assertThat(out.path("viaCallback").asInt()).isEqualTo(16);
        assertThat(out.path("lengthError").asText()).isEqualTo("ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH");
        assertThat(out.path("finalized").asText()).isEqualTo("ERR_CRYPTO_HASH_FINALIZED");
        assertThat(out.path("unknown").asText()).isEqualTo("ERR_CRYPTO_INVALID_DIGEST");
        assertThat(out.path("uuid").asText())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(out.path("equal").asBoolean()).isTrue();
        assertThat(out.path("int").asInt()).isBetween(0, 9);
    }
}
