package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sandbox.SandboxRunner;
import dev.sluice.sandbox.Sandboxes;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code mysql.escape}, {@code escapeId} and {@code format}: the examples of mysqljs's README and sqlstring's tests. */
class MysqlFormatTest {

    @RegisterExtension
    static final SandboxRunner runner = new SandboxRunner();

    @Test
    void escape_vectors_match_mysqljs() {
        Map<String, String> vectors = new LinkedHashMap<>();
        vectors.put("mysql.escape('Hello MySQL')", "'Hello MySQL'");
        vectors.put("mysql.escape(\"Sup'er\")", "'Sup\\'er'");
        vectors.put("mysql.escape('Sup\"er')", "'Sup\\\"er'");
        vectors.put("mysql.escape('a\\\\b')", "'a\\\\b'");
        vectors.put("mysql.escape('\\0\\b\\t\\n\\r\\x1a')", "'\\0\\b\\t\\n\\r\\Z'");
        vectors.put("mysql.escape(5)", "5");
        vectors.put("mysql.escape(-1.5)", "-1.5");
        vectors.put("mysql.escape(null)", "NULL");
        vectors.put("mysql.escape(undefined)", "NULL");
        vectors.put("mysql.escape(true)", "true");
        vectors.put("mysql.escape(false)", "false");
        vectors.put("mysql.escape([1, 2, 'c'])", "1, 2, 'c'");
        vectors.put("mysql.escape([['a', 'b'], ['c', 'd']])", "('a', 'b'), ('c', 'd')");
        vectors.put("mysql.escape({a: 'b', c: 'd'})", "`a` = 'b', `c` = 'd'");
        vectors.put("mysql.escape({a: 'b', c: function () {}})", "`a` = 'b'");
        vectors.put("mysql.escape({a: {nested: true}})", "`a` = '[object Object]'");
        vectors.put("mysql.escape(new Date(2012, 4, 7, 11, 42, 3, 2))", "'2012-05-07 11:42:03.002'");
        vectors.put("mysql.escape(new Date(Date.UTC(2012, 4, 7, 11, 42, 3, 2)), false, 'Z')",
                "'2012-05-07 11:42:03.002'");
        vectors.put("mysql.escape(new Date(Date.UTC(2012, 4, 7, 11, 42, 3, 2)), false, '+01:00')",
                "'2012-05-07 12:42:03.002'");
        vectors.put("mysql.escape(new Date(NaN))", "NULL");
        vectors.put("mysql.escape(require('buffer').Buffer.from([0, 1, 254, 255]))", "X'0001feff'");
        vectors.put("mysql.escape({toSqlString: () => 'NOW()'})", "NOW()");
        vectors.put("mysql.escape(mysql.raw('NOW()'))", "NOW()");
        vectors.put("mysql.escapeId('id')", "`id`");
        vectors.put("mysql.escapeId('date')", "`date`");
        vectors.put("mysql.escapeId('posts.date')", "`posts`.`date`");
        vectors.put("mysql.escapeId('date.2', true)", "`date.2`");
        vectors.put("mysql.escapeId('i`d')", "`i``d`");
        vectors.put("mysql.escapeId(['a', 'b', 't.c'])", "`a`, `b`, `t`.`c`");
        vectors.put("mysql.format('SELECT * FROM ?? WHERE ?? = ?', ['users', 'id', 1])",
                "SELECT * FROM `users` WHERE `id` = 1");
        vectors.put("mysql.format('SELECT ?? FROM ?? WHERE id = ?', [['username', 'email'], 'users', 1])",
                "SELECT `username`, `email` FROM `users` WHERE id = 1");
        vectors.put("mysql.format('UPDATE users SET foo = ?, bar = ?, baz = ? WHERE id = ?', ['a', 'b', 'c', 9])",
                "UPDATE users SET foo = 'a', bar = 'b', baz = 'c' WHERE id = 9");
        vectors.put("mysql.format('INSERT INTO posts SET ?', {id: 1, title: 'Hello MySQL'})",
                "INSERT INTO posts SET `id` = 1, `title` = 'Hello MySQL'");
        vectors.put("mysql.format('UPDATE posts SET modified = ? WHERE id = ?', [mysql.raw('CURRENT_TIMESTAMP()'), 42])",
                "UPDATE posts SET modified = CURRENT_TIMESTAMP() WHERE id = 42");
        vectors.put("mysql.format('? and ?', ['a'])", "'a' and ?");
        vectors.put("mysql.format('? and ?', ['a', 'b', 'c'])", "'a' and 'b'");
        vectors.put("mysql.format('SELECT ???', ['a'])", "SELECT ???");
        vectors.put("mysql.format('?', 'single')", "'single'");
        vectors.put("mysql.format('no placeholders', [1])", "no placeholders");
        vectors.put("mysql.format('SELECT ?', null)", "SELECT ?");
        vectors.put("mysql.format('INSERT INTO t (a, b) VALUES ?', [[[1, 'x'], [2, null]]])",
                "INSERT INTO t (a, b) VALUES (1, 'x'), (2, NULL)");
        vectors.put("mysql.format('? ?', [{a: 1}, {a: 1}], true)", "'[object Object]' '[object Object]'");
        vectors.put("mysql.createConnection({}).escape(\"O'Reilly\")", "'O\\'Reilly'");
        vectors.put("mysql.createConnection({}).escapeId('t.c')", "`t`.`c`");
        vectors.put("mysql.createConnection({}).format('x = ?', [[1, 2]])", "x = 1, 2");

        StringBuilder script = new StringBuilder("function getUser(id, callback) {\n"
                + "  const mysql = require('mysql@2.18.1');\n  const out = [];\n");
        vectors.keySet().forEach(expression -> script.append("  out.push(String(").append(expression).append("));\n"));
        script.append("  callback(null, out);\n}\n");

        ScriptResult result = Sandboxes.run(runner, Sandboxes.set(ScriptKey.GET_USER, script.toString()),
                ScriptKey.GET_USER, "x");

        assertThat(result.outcome()).as("%s", result.outcome()).isInstanceOf(ScriptOutcome.Success.class);
        JsonNode out = ((ScriptOutcome.Success) result.outcome()).value();
        int i = 0;
        for (Map.Entry<String, String> vector : vectors.entrySet()) {
            assertThat(out.get(i++).asText()).as(vector.getKey()).isEqualTo(vector.getValue());
        }
    }

    @Test
    void options_mysqljs_rejects_or_sluice_does_not_support_fail_clearly() {
        ScriptResult result = Sandboxes.run(runner, Sandboxes.set(ScriptKey.GET_USER, """
                function getUser(id, callback) {
                  const mysql = require('mysql');
                  const out = [];
                  for (const make of [() => mysql.createConnection({multipleStatements: true}),
                                      () => mysql.createConnection({socketPath: '/tmp/mysql.sock'}),
                                      () => mysql.createPoolCluster()]) {
                    try { make(); out.push('created'); } catch (e) { out.push(e.code); }
                  }
                  callback(null, out);
                }
                """), ScriptKey.GET_USER, "x");

        assertThat(((ScriptOutcome.Success) result.outcome()).value().toString())
                .isEqualTo("[\"ERR_NOT_SUPPORTED\",\"ERR_NOT_SUPPORTED\",\"ERR_NOT_SUPPORTED\"]");
    }
}
