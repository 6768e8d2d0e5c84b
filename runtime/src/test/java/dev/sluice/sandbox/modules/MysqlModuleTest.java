package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.Sandboxes;
import dev.sluice.sandbox.ScriptError;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptPolicy;
import dev.sluice.sandbox.ScriptResult;
import dev.sluice.sandbox.ScriptSet;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code mysql} module as scripts use it, run through the sandbox against the test MariaDB. */
class MysqlModuleTest {

    private static final String TABLE = "sluice_mysql_module_users";
    private static final MysqlTestDatabase DB = MysqlTestDatabase.fromEnvironment();
    private static final String CONNECT = """
            const mysql = require('mysql');
            const options = {host: configuration.DB_HOST, port: Number(configuration.DB_PORT),
                user: configuration.DB_USER, password: configuration.DB_PASSWORD, database: configuration.DB_NAME};
            """;

    private static GraalScriptRunner runner;

    @BeforeAll
    static void start() {
        DB.execute("DROP TABLE IF EXISTS " + TABLE,
                "CREATE TABLE " + TABLE + " (id INT AUTO_INCREMENT PRIMARY KEY, nickname VARCHAR(100),"
                        + " email VARCHAR(200) NOT NULL UNIQUE, password VARCHAR(100), active TINYINT(1) DEFAULT 1,"
                        + " balance DECIMAL(10,2), created DATETIME(3), avatar VARBINARY(16))",
                "INSERT INTO " + TABLE + " (nickname, email, password, balance, created, avatar) VALUES"
                        + " ('ann', 'ann@example.com', 'hash-a', 12.50, '2024-02-03 04:05:06.789', X'00ff'),"
                        + " ('bob', 'bob@example.com', 'hash-b', NULL, NULL, NULL)");
        runner = Sandboxes.runner();
    }

    @AfterAll
    static void stop() {
        runner.close();
        DB.execute("DROP TABLE IF EXISTS " + TABLE);
    }

    @Test
    void login_in_the_style_of_the_published_template_finds_the_user() {
        JsonNode profile = success(ScriptKey.LOGIN, """
                function login(email, password, callback) {
                  %s
                  const connection = mysql.createConnection(options);
                  connection.connect();
                  const query = 'SELECT id, nickname, email, password FROM %s WHERE email = ?';
                  connection.query(query, [email], function (err, results) {
                    if (err) return callback(err);
                    if (results.length === 0) return callback(new WrongUsernameOrPasswordError(email));
                    const user = results[0];
                    if (user.password !== 'hash-' + password) return callback(new WrongUsernameOrPasswordError(email));
                    callback(null, {user_id: user.id.toString(), nickname: user.nickname, email: user.email});
                  });
                }
                """.formatted(CONNECT, TABLE), "ann@example.com", "a");

        assertThat(profile.path("user_id").asText()).isEqualTo("1");
        assertThat(profile.path("nickname").asText()).isEqualTo("ann");
    }

    @Test
    void unknown_user_in_the_template_is_a_wrong_username_error() {
        ScriptResult result = Sandboxes.run(runner, set(ScriptKey.LOGIN, """
                function login(email, password, callback) {
                  %s
                  const connection = mysql.createConnection(options);
                  connection.query('SELECT id FROM %s WHERE email = ?', [email], function (err, results) {
                    connection.end();
                    if (err) return callback(err);
                    if (results.length === 0) return callback(new WrongUsernameOrPasswordError(email));
                    callback(null, {user_id: String(results[0].id)});
                  });
                }
                """.formatted(CONNECT, TABLE)), ScriptKey.LOGIN, "nobody@example.com", "x");

        ScriptError error = ((ScriptOutcome.Failure) result.outcome()).error();
        assertThat(error.code()).contains("wrongusernameorpassword");
    }

    @Test
    void column_values_are_type_cast_as_mysqljs_does() {
        JsonNode row = success(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  %s
                  const connection = mysql.createConnection(options);
                  connection.query('SELECT * FROM %s WHERE email = ?', [email], function (err, rows, fields) {
                    connection.end();
                    if (err) return callback(err);
                    const r = rows[0];
                    callback(null, {id: r.id, idType: typeof r.id, active: r.active, balance: r.balance,
                      created: r.created instanceof Date, createdText: mysql.escape(r.created),
                      avatar: r.avatar.length + ':' + r.avatar[1], fieldNames: fields.map(f => f.name).join(','),
                      idFieldType: fields[0].type, table: fields[0].table});
                  });
                }
                """.formatted(CONNECT, TABLE), "ann@example.com");

        assertThat(row.path("idType").asText()).isEqualTo("number");
        assertThat(row.path("active").asInt()).isEqualTo(1);
        assertThat(row.path("balance").asDouble()).isEqualTo(12.5);
        assertThat(row.path("created").asBoolean()).isTrue();
        assertThat(row.path("createdText").asText()).isEqualTo("'2024-02-03 04:05:06.789'");
        assertThat(row.path("avatar").asText()).isEqualTo("2:255");
        assertThat(row.path("fieldNames").asText()).startsWith("id,nickname,email,password,active");
        assertThat(row.path("idFieldType").asInt()).isEqualTo(3);
        assertThat(row.path("table").asText()).isEqualTo(TABLE);
    }

    @Test
    void nulls_come_back_as_null() {
        JsonNode row = success(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  %s
                  const connection = mysql.createConnection(options);
                  connection.query('SELECT balance, created, avatar FROM %s WHERE email = ?', email, (err, rows) => {
                    connection.end();
                    callback(err, rows && rows[0]);
                  });
                }
                """.formatted(CONNECT, TABLE), "bob@example.com");

        assertThat(row.path("balance").isNull()).isTrue();
        assertThat(row.path("created").isNull()).isTrue();
        assertThat(row.path("avatar").isNull()).isTrue();
    }

    @Test
    void identifier_placeholders_and_object_form_queries_work() {
        JsonNode result = success(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  %s
                  const connection = mysql.createConnection(options);
                  connection.query({sql: 'SELECT ?? FROM ?? WHERE ?? = ?', values: [['nickname', 'email'],
                      '%s', 'email', email]}, function (err, rows) {
                    connection.end();
                    if (err) return callback(err);
                    callback(null, {keys: Object.keys(rows[0]).join(','), nickname: rows[0].nickname});
                  });
                }
                """.formatted(CONNECT, TABLE), "bob@example.com");

        assertThat(result.path("keys").asText()).isEqualTo("nickname,email");
        assertThat(result.path("nickname").asText()).isEqualTo("bob");
    }

    @Test
    void insert_with_set_placeholder_reports_the_insert_id() {
        JsonNode ok = success(ScriptKey.CREATE, """
                function create(user, callback) {
                  %s
                  const connection = mysql.createConnection(options);
                  connection.query('INSERT INTO %s SET ?', {email: user.email, nickname: user.nickname,
                      password: null}, function (err, result) {
                    if (err) return callback(err);
                    connection.query('SELECT nickname FROM %s WHERE id = ?', [result.insertId], (err2, rows) => {
                      connection.end();
                      callback(err2, {insertId: result.insertId, affectedRows: result.affectedRows,
                        fieldCount: result.fieldCount, nickname: rows[0].nickname});
                    });
                  });
                }
                """.formatted(CONNECT, TABLE, TABLE), java.util.Map.of("email", "carl@example.com", "nickname",
                "carl's"));

        assertThat(ok.path("insertId").asInt()).isGreaterThan(2);
        assertThat(ok.path("affectedRows").asInt()).isEqualTo(1);
        assertThat(ok.path("fieldCount").asInt()).isZero();
        assertThat(ok.path("nickname").asText()).isEqualTo("carl's");
    }

    @Test
    void update_reports_matched_rows_as_affected_and_changed_rows_apart() {
        DB.execute("INSERT INTO " + TABLE + " (nickname, email) VALUES ('dan', 'dan@example.com'),"
                + " ('dee', 'dee@example.com')");
        JsonNode ok = success(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  %s
                  const connection = mysql.createConnection(options);
                  connection.query("UPDATE %s SET nickname = 'dan' WHERE email IN (?)",
                      [['dan@example.com', 'dee@example.com']], function (err, result) {
                    connection.end();
                    if (err) return callback(err);
                    callback(null, {affectedRows: result.affectedRows, changedRows: result.changedRows,
                      message: result.message});
                  });
                }
                """.formatted(CONNECT, TABLE), "x");

        assertThat(ok.path("affectedRows").asInt()).isEqualTo(2);
        assertThat(ok.path("changedRows").asInt()).isEqualTo(1);
        assertThat(ok.path("message").asText()).contains("Rows matched: 2");
    }

    @Test
    void duplicate_key_fails_with_er_dup_entry_and_errno_1062() {
        JsonNode error = errorFields("connection.query('INSERT INTO " + TABLE
                + " SET ?', {email: 'ann@example.com'}, report);");

        assertThat(error.path("code").asText()).isEqualTo("ER_DUP_ENTRY");
        assertThat(error.path("errno").asInt()).isEqualTo(1062);
        assertThat(error.path("sqlState").asText()).isEqualTo("23000");
        assertThat(error.path("sqlMessage").asText()).contains("Duplicate entry");
        assertThat(error.path("message").asText()).startsWith("ER_DUP_ENTRY: Duplicate entry");
        assertThat(error.path("fatal").asBoolean()).isFalse();
        assertThat(error.path("sql").asText()).isEqualTo("INSERT INTO " + TABLE + " SET `email` = 'ann@example.com'");
        assertThat(error.path("isError").asBoolean()).isTrue();
    }

    @Test
    void syntax_error_fails_with_er_parse_error_and_the_connection_stays_usable() {
        JsonNode error = errorFields("connection.query('SELEC nothing', (err) => connection.query('SELECT 1 AS one',"
                + " (err2, rows) => { err.after = err2 ? err2.code : rows[0].one; report(err); }));");

        assertThat(error.path("code").asText()).isEqualTo("ER_PARSE_ERROR");
        assertThat(error.path("errno").asInt()).isEqualTo(1064);
        assertThat(error.path("after").asInt()).isEqualTo(1);
    }

    @Test
    void missing_table_fails_with_er_no_such_table() {
        JsonNode error = errorFields("connection.query('SELECT * FROM sluice_no_such_table', report);");

        assertThat(error.path("code").asText()).isEqualTo("ER_NO_SUCH_TABLE");
        assertThat(error.path("errno").asInt()).isEqualTo(1146);
    }

    @Test
    void closed_port_fails_with_a_fatal_econnrefused_and_later_queries_are_refused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JsonNode error = success(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  const mysql = require('mysql');
                  const connection = mysql.createConnection('mysql://u:p@127.0.0.1:%d/test');
                  connection.connect(function (err) {
                    connection.query('SELECT 1', function (err2) {
                      callback(null, {code: err.code, fatal: err.fatal, message: err.message, errno: err.errno,
                        after: err2.code});
                    });
                  });
                }
                """.formatted(port), "x");

        assertThat(error.path("code").asText()).isEqualTo("ECONNREFUSED");
        assertThat(error.path("fatal").asBoolean()).isTrue();
        assertThat(error.path("message").asText()).isEqualTo("connect ECONNREFUSED 127.0.0.1:" + port);
        assertThat(error.path("after").asText()).isEqualTo("PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR");
    }

    @Test
    void the_default_policy_refuses_a_server_on_loopback_with_ehostblocked() {
        ScriptResult result = Sandboxes.run(runner, Sandboxes.set(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  %s
                  const connection = mysql.createConnection(options);
                  connection.query('SELECT 1', function (err) {
                    callback(null, {code: err && err.code, message: err && err.message});
                  });
                }
                """.formatted(CONNECT), DB.configuration(), ScriptPolicy.defaults()), ScriptKey.GET_USER, "x");

        JsonNode error = ((ScriptOutcome.Success) result.outcome()).value();
        assertThat(error.path("code").asText()).isEqualTo("EHOSTBLOCKED");
        assertThat(error.path("message").asText()).contains("'" + DB.host() + "'").contains("allowLoopback");
    }

    @Test
    void wrong_password_fails_with_er_access_denied_error() {
        JsonNode error = success(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  %s
                  options.password = 'definitely-wrong';
                  const connection = mysql.createConnection(options);
                  connection.query('SELECT 1', function (err) {
                    callback(null, {code: err.code, errno: err.errno, fatal: err.fatal,
                      leaks: err.message.indexOf('definitely-wrong') >= 0});
                  });
                }
                """.formatted(CONNECT), "x");

        assertThat(error.path("code").asText()).isEqualTo("ER_ACCESS_DENIED_ERROR");
        assertThat(error.path("errno").asInt()).isEqualTo(1045);
        assertThat(error.path("fatal").asBoolean()).isTrue();
        assertThat(error.path("leaks").asBoolean()).isFalse();
    }

    @Test
    void queries_on_one_connection_run_in_the_order_they_were_issued() {
        JsonNode result = success(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  %s
                  const connection = mysql.createConnection(options);
                  const order = [];
                  connection.query('SET @n = 0');
                  for (let i = 0; i < 5; i++) {
                    connection.query('SELECT (@n := @n + 1) AS n, SLEEP(?) AS s', [i === 0 ? 0.1 : 0], (err, rows) => {
                      if (err) return callback(err);
                      order.push(rows[0].n);
                      if (order.length === 5) { connection.end(); callback(null, {order: order.join(',')}); }
                    });
                  }
                }
                """.formatted(CONNECT), "x");

        assertThat(result.path("order").asText()).isEqualTo("1,2,3,4,5");
    }

    @Test
    void pool_query_and_get_connection_with_release_work() {
        JsonNode result = success(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  %s
                  const pool = mysql.createPool(Object.assign({connectionLimit: 2}, options));
                  pool.query('SELECT email FROM %s WHERE email = ?', [email], function (err, rows) {
                    if (err) return callback(err);
                    pool.getConnection(function (err2, conn) {
                      if (err2) return callback(err2);
                      conn.query('SELECT CONNECTION_ID() AS id', function (err3, rows3) {
                        conn.release();
                        if (err3) return callback(err3);
                        let done = 0;
                        for (let i = 0; i < 6; i++) {
                          pool.query('SELECT ? AS v', [i], (err4) => {
                            if (err4) return callback(err4);
                            if (++done === 6) {
                              pool.end(() => callback(null, {email: rows[0].email,
                                sameThread: rows3[0].id === conn.threadId}));
                            }
                          });
                        }
                      });
                    });
                  });
                }
                """.formatted(CONNECT, TABLE), "ann@example.com");

        assertThat(result.path("email").asText()).isEqualTo("ann@example.com");
        assertThat(result.path("sameThread").asBoolean()).isTrue();
    }

    @Test
    void a_pool_kept_in_global_is_reused_by_the_next_execution() {
        ScriptSet set = set(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  %s
                  const fresh = !global.mysqlPool;
                  global.mysqlPool = global.mysqlPool || mysql.createPool(options);
                  global.mysqlPool.query('SELECT email FROM %s WHERE email = ?', [email], function (err, rows) {
                    if (err) return callback(err);
                    callback(null, {fresh: fresh, email: rows[0] ? rows[0].email : null});
                  });
                }
                """.formatted(CONNECT, TABLE));

        JsonNode first = ((ScriptOutcome.Success) Sandboxes.run(runner, set, ScriptKey.GET_USER, "ann@example.com")
                .outcome()).value();
        JsonNode second = ((ScriptOutcome.Success) Sandboxes.run(runner, set, ScriptKey.GET_USER, "bob@example.com")
                .outcome()).value();

        assertThat(first.path("fresh").asBoolean()).isTrue();
        assertThat(second.path("fresh").asBoolean()).isFalse();
        assertThat(second.path("email").asText()).isEqualTo("bob@example.com");
    }

    @Test
    void a_connection_kept_in_global_is_reused_by_the_next_execution() {
        ScriptSet set = set(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  %s
                  const fresh = !global.mysqlConnection;
                  global.mysqlConnection = global.mysqlConnection || mysql.createConnection(options);
                  global.mysqlConnection.query('SELECT CONNECTION_ID() AS id', function (err, rows) {
                    if (err) return callback(err);
                    callback(null, {fresh: fresh, id: rows[0].id});
                  });
                }
                """.formatted(CONNECT));

        JsonNode first = ((ScriptOutcome.Success) Sandboxes.run(runner, set, ScriptKey.GET_USER, "a").outcome())
                .value();
        JsonNode second = ((ScriptOutcome.Success) Sandboxes.run(runner, set, ScriptKey.GET_USER, "b").outcome())
                .value();

        assertThat(first.path("fresh").asBoolean()).isTrue();
        assertThat(second.path("fresh").asBoolean()).isFalse();
        assertThat(second.path("id").asLong()).isEqualTo(first.path("id").asLong());
    }

    @Test
    void queries_after_end_are_refused_as_mysqljs_does() {
        JsonNode result = success(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  %s
                  const connection = mysql.createConnection(options);
                  connection.query('SELECT 1', function () {});
                  connection.end(function (err) {
                    connection.query('SELECT 1', function (err2) {
                      callback(null, {endError: err, code: err2.code, message: err2.message});
                    });
                  });
                }
                """.formatted(CONNECT), "x");

        assertThat(result.path("endError").isNull()).isTrue();
        assertThat(result.path("code").asText()).isEqualTo("PROTOCOL_ENQUEUE_AFTER_QUIT");
        assertThat(result.path("message").asText()).isEqualTo("Cannot enqueue Query after invoking quit.");
    }

    private JsonNode errorFields(String statement) {
        return success(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  %s
                  const connection = mysql.createConnection(options);
                  function report(err) {
                    connection.end();
                    if (!err) return callback(new Error('expected an error'));
                    callback(null, {code: err.code, errno: err.errno, sqlState: err.sqlState, sqlMessage: err.sqlMessage,
                      message: err.message, fatal: err.fatal, sql: err.sql, after: err.after,
                      isError: err instanceof Error});
                  }
                  %s
                }
                """.formatted(CONNECT, statement), "x");
    }

    private static JsonNode success(ScriptKey key, String source, Object... args) {
        ScriptResult result = Sandboxes.run(runner, set(key, source), key, args);
        assertThat(result.outcome()).as("%s %s", result.outcome(), result.console())
                .isInstanceOf(ScriptOutcome.Success.class);
        return ((ScriptOutcome.Success) result.outcome()).value();
    }

    /** The test MariaDB listens on loopback, which the default policy refuses. */
    private static ScriptSet set(ScriptKey key, String source) {
        return Sandboxes.set(key, source, DB.configuration(), "{\"allowLoopback\": true}");
    }
}
