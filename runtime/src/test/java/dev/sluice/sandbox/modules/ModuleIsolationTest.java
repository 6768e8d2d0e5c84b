package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sandbox.SandboxRunner;
import dev.sluice.sandbox.Sandboxes;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptResult;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two connections (script sets) never share module objects, cached clients or anything they patched. */
class ModuleIsolationTest {

    @RegisterExtension
    static final SandboxRunner runner = new SandboxRunner();

    private static String run(String body) {
        ScriptResult result = Sandboxes.run(runner, Sandboxes.set(ScriptKey.LOGIN,
                "function login(e, p, callback) {\n" + body + "\n}", Map.of(), "{\"allowLoopback\": true}"),
                ScriptKey.LOGIN, "e", "p");
        assertThat(result.outcome()).as("%s", result).isInstanceOf(ScriptOutcome.Success.class);
        return ((ScriptOutcome.Success) result.outcome()).value().path("user_id").asText();
    }

    @Test
    void a_module_patched_or_a_client_cached_by_one_connection_is_not_seen_by_another() {
        String patched = run("""
                const bcrypt = require('bcrypt');
                bcrypt.compareSync = () => true;
                require('crypto').createHash = () => { throw new Error('hijacked'); };
                require('mysql').createConnection = () => 'hijacked';
                global.cachedPool = require('pg').Pool ? new (require('pg').Pool)({host: '127.0.0.1'}) : 'pool';
                callback(null, {user_id: String(bcrypt.compareSync('a', 'b'))});""");
        String other = run("""
                const bcrypt = require('bcrypt');
                const hash = bcrypt.hashSync('right', 4);
                callback(null, {user_id: [bcrypt.compareSync('wrong', hash),
                    require('crypto').createHash('sha1').update('x').digest('hex').length,
                    typeof require('mysql').createConnection({host: '127.0.0.1'}).query,
                    typeof global.cachedPool].join(',')});""");

        assertThat(patched).isEqualTo("true");
        assertThat(other).isEqualTo("false,40,function,undefined");
    }
}
