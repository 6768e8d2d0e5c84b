package dev.sluice.sandbox.modules;

import static dev.sluice.sandbox.modules.ScriptRuns.login;
import static dev.sluice.sandbox.modules.ScriptRuns.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sandbox.SandboxRunner;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code bcrypt} module as login scripts use it, in the real sandbox. */
class BcryptModuleTest {

    /** From the PHP manual's password_verify example: password_hash('rasmuslerdorf', PASSWORD_DEFAULT). */
    private static final String PHP_2Y = "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a";

    /** The shape of the published MySQL login template, with the row replaced by a constant. */
    private static final String TEMPLATE_LOGIN = """
            function login(email, password, callback) {
              const bcrypt = require('bcrypt');
              const user = { id: 42, nickname: 'rasmus', email: email, password: '%s' };
              bcrypt.compare(password, user.password, function (err, isValid) {
                if (err || !isValid) return callback(err || new WrongUsernameOrPasswordError(email));
                callback(null, { user_id: user.id.toString(), nickname: user.nickname, email: user.email });
              });
            }
            """.formatted(PHP_2Y);

    @RegisterExtension
    static final SandboxRunner runner = new SandboxRunner();

    @Test
    void template_login_accepts_the_right_password_against_a_php_2y_hash() {
        ScriptResult result = login(runner, TEMPLATE_LOGIN, "rasmus@example.com", "rasmuslerdorf");

        assertThat(result.outcome()).isInstanceOf(ScriptOutcome.Success.class);
        assertThat(((ScriptOutcome.Success) result.outcome()).value().path("user_id").asText()).isEqualTo("42");
    }

    @Test
    void template_login_answers_wrong_password_for_another_password() {
        ScriptResult result = login(runner, TEMPLATE_LOGIN, "rasmus@example.com", "not-it");

        assertThat(result.outcome()).isInstanceOfSatisfying(ScriptOutcome.Failure.class,
                failure -> assertThat(failure.error().toString()).contains("wrongusernameorpassword"));
    }

    @Test
    void every_password_hash_the_script_asks_for_is_counted_and_nothing_else() {
        ScriptResult hashing = login(runner, """
                function login(email, password, callback) {
                  const bcrypt = require('bcrypt');
                  const crypto = require('crypto');
                  const hash = bcrypt.hashSync(password, 4);
                  crypto.pbkdf2Sync(password, 'salt', 10, 16, 'sha256');
                  crypto.createHash('sha256').update(password).digest('hex');
                  bcrypt.compare(password, hash, function (err, same) {
                    callback(err, {user_id: '1', same: same, rounds: bcrypt.getRounds(hash)});
                  });
                }""", "a@example.com", "pw");
        ScriptResult plain = login(runner, """
                function login(email, password, callback) {
                  callback(new WrongUsernameOrPasswordError(email));
                }""", "a@example.com", "pw");

        assertThat(hashing.outcome()).isInstanceOf(ScriptOutcome.Success.class);
        assertThat(hashing.passwordHashes()).as("hashSync, pbkdf2Sync and compare; not getRounds or sha256")
                .isEqualTo(3);
        assertThat(plain.passwordHashes()).isZero();
    }

    @Test
    void promise_forms_hash_and_compare_round_trip() {
        JsonNode out = value(runner, """
                async function login(email, password, callback) {
                  const bcrypt = require('bcrypt@5.1.1');
                  const salt = await bcrypt.genSalt(4);
                  const hash = await bcrypt.hash('s3cret ✓', salt);
                  const byRounds = await bcrypt.hash('s3cret ✓', 4);
                  callback(null, {salt: salt.slice(0, 7), hash: hash.slice(0, 7), length: hash.length,
                      ok: await bcrypt.compare('s3cret ✓', hash), wrong: await bcrypt.compare('s3cret', hash),
                      byRounds: await bcrypt.compare('s3cret ✓', byRounds), rounds: bcrypt.getRounds(hash)});
                }""");
        assertThat(out.path("salt").asText()).isEqualTo("$2b$04$");
        assertThat(out.path("hash").asText()).isEqualTo("$2b$04$");
        assertThat(out.path("length").asInt()).isEqualTo(60);
        assertThat(out.path("ok").asBoolean()).isTrue();
        assertThat(out.path("wrong").asBoolean()).isFalse();
        assertThat(out.path("byRounds").asBoolean()).isTrue();
        assertThat(out.path("rounds").asInt()).isEqualTo(4);
    }

    @Test
    void sync_forms_work_and_passwords_are_truncated_at_72_bytes() {
        JsonNode out = value(runner, """
                function login(email, password, callback) {
                  const bcrypt = require('bcrypt');
                  const hash = bcrypt.hashSync('x'.repeat(72), bcrypt.genSaltSync(4));
                  callback(null, {same: bcrypt.compareSync('x'.repeat(100), hash),
                      shorter: bcrypt.compareSync('x'.repeat(71), hash),
                      known: bcrypt.hashSync('password', '$2a$04$abcdefghijklmnopqrstuu'),
                      buffer: bcrypt.compareSync(Buffer.from('rasmuslerdorf'), '%s')});
                }""".formatted(PHP_2Y));
        assertThat(out.path("same").asBoolean()).isTrue();
        assertThat(out.path("shorter").asBoolean()).isFalse();
        // bcryptjs 2.4.3: hashSync('password', '$2a$04$abcdefghijklmnopqrstuu')
        assertThat(out.path("known").asText())
                .isEqualTo("$2a$04$abcdefghijklmnopqrstuughE8Ev8uGFaUgY2cNEySvxngrb/Jzdm");
        assertThat(out.path("buffer").asBoolean()).isTrue();
    }

    @Test
    void a_malformed_hash_compares_false_and_says_so_in_the_log() {
        ScriptResult result = login(runner, """
                function login(email, password, callback) {
                  require('bcrypt').compare(password, 'md5:5f4dcc3b5aa765d61d8327deb882cf99', callback);
                }""", "a@example.com", "password");

        assertThat(result.outcome()).isInstanceOfSatisfying(ScriptOutcome.Success.class,
                success -> assertThat(success.value().asBoolean(true)).isFalse());
        assertThat(result.console()).anySatisfy(line -> assertThat(line).contains("not a bcrypt hash"));
    }

    @Test
    void bad_arguments_reach_the_callback_or_reject_like_npm_bcrypt() {
        JsonNode out = value(runner, """
                async function login(email, password, callback) {
                  const bcrypt = require('bcrypt');
                  const viaCallback = await new Promise((resolve) =>
                      bcrypt.compare('pw', undefined, (err) => resolve(err.message)));
                  let rejected;
                  try { await bcrypt.hash('pw', 'not-a-salt'); } catch (e) { rejected = e.message; }
                  let thrown;
                  try { bcrypt.hashSync(42, 10); } catch (e) { thrown = e.message; }
                  callback(null, {viaCallback, rejected, thrown});
                }""");
        assertThat(out.path("viaCallback").asText()).isEqualTo("data and hash arguments required");
        assertThat(out.path("rejected").asText()).startsWith("Invalid salt");
        assertThat(out.path("thrown").asText()).startsWith("data must be a string or Buffer");
    }
}
