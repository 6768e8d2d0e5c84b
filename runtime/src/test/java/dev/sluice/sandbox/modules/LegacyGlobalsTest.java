package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sandbox.SandboxRunner;
import dev.sluice.sandbox.Sandboxes;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptResult;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The policy switch {@code legacyGlobals}: module globals that scripts from older runtimes use without require. */
class LegacyGlobalsTest {

    private static final String TYPES = """
            function getUser(email, callback) {
              callback(null, ['mysql', 'bcrypt', 'request', 'crypto', 'sqlserver', 'uuid', '_'].map(function (name) {
                return name + ':' + typeof globalThis[name];
              }).join(' '));
            }
            """;

    @RegisterExtension
    static final SandboxRunner runner = new SandboxRunner();

    @Test
    void without_the_switch_no_legacy_global_exists() {
        assertThat(value(TYPES, "{}", "x").asText()).isEqualTo("mysql:undefined bcrypt:undefined request:undefined "
                + "crypto:undefined sqlserver:undefined uuid:undefined _:undefined");
    }

    @Test
    void a_legacy_login_uses_bcrypt_and_crypto_without_require() {
        JsonNode out = value("""
                function login(email, password, callback) {
                  var hash = bcrypt.hashSync('secret', 4);
                  if (!bcrypt.compareSync(password, hash)) return callback(new WrongUsernameOrPasswordError(email));
                  callback(null, {user_id: crypto.createHash('sha256').update(email).digest('hex').slice(0, 12),
                    email: email});
                }
                """, "{\"legacyGlobals\": true}", "ann@example.com", "secret");

        assertThat(out.path("user_id").asText()).isEqualTo("71d4f55f72fa");
    }

    @Test
    void with_the_switch_the_provided_modules_are_globals_and_the_rest_stay_undefined() {
        JsonNode out = value("""
                function getUser(email, callback) {
                  var requestAvailable;
                  try { require('request'); requestAvailable = true; } catch (e) { requestAvailable = false; }
                  callback(null, {
                    sqlserver: sqlserver === require('tedious'),
                    bcrypt: bcrypt === require('bcrypt'),
                    mysqlCallable: typeof mysql === 'function' && typeof mysql.createConnection === 'function'
                      && mysql.escape("a'b") === require('mysql').escape("a'b"),
                    uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid.v4())
                      && uuid() !== uuid(),
                    request: (typeof request !== 'undefined') === requestAvailable,
                    lodash: typeof _
                  });
                }
                """, "{\"legacyGlobals\": true}", "x");

        assertThat(out.toString()).isEqualTo("{\"sqlserver\":true,\"bcrypt\":true,\"mysqlCallable\":true,"
                + "\"uuid\":true,\"request\":true,\"lodash\":\"undefined\"}");
    }

    @Test
    void the_module_allow_list_still_applies_to_legacy_globals() {
        assertThat(value(TYPES, "{\"legacyGlobals\": true, \"modules\": [\"crypto\"]}", "x").asText())
                .isEqualTo("mysql:undefined bcrypt:undefined request:undefined crypto:object sqlserver:undefined "
                        + "uuid:function _:undefined");
    }

    @Test
    void a_script_may_assign_over_a_legacy_global() {
        assertThat(value("""
                function getUser(email, callback) {
                  bcrypt = 'mine';
                  callback(null, bcrypt);
                }
                """, "{\"legacyGlobals\": true}", "x").asText()).isEqualTo("mine");
    }

    private static JsonNode value(String source, String policy, Object... args) {
        ScriptKey key = args.length == 2 ? ScriptKey.LOGIN : ScriptKey.GET_USER;
        ScriptResult result = Sandboxes.run(runner, Sandboxes.set(key, source, Map.of(), policy), key, args);
        assertThat(result.outcome()).as("outcome (console %s)", result.console())
                .isInstanceOf(ScriptOutcome.Success.class);
        return ((ScriptOutcome.Success) result.outcome()).value();
    }
}
