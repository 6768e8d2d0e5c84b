package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
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

/** The {@code pg} module as scripts use it, run through the sandbox against the test PostgreSQL. */
class PgModuleTest {

    private static final String TABLE = "sluice_pg_module_users";
    private static final PgTestDatabase DB = PgTestDatabase.fromEnvironment();
    private static final String CONFIG = """
            const pg = require('pg');
            const config = {host: configuration.PG_HOST, port: Number(configuration.PG_PORT),
                user: configuration.PG_USER, password: configuration.PG_PASSWORD, database: configuration.PG_DATABASE};
            """;

    private static GraalScriptRunner runner;

    @BeforeAll
    static void start() {
        String hash = BCrypt.withDefaults().hashToString(4, "secret".toCharArray());
        DB.execute("DROP TABLE IF EXISTS " + TABLE,
                "CREATE TABLE " + TABLE + " (id SERIAL PRIMARY KEY, nickname TEXT, email TEXT NOT NULL UNIQUE,"
                        + " password TEXT, visits BIGINT DEFAULT 0, balance NUMERIC(10,2), verified BOOLEAN,"
                        + " created TIMESTAMPTZ, profile JSONB, avatar BYTEA, tags TEXT[])",
                "INSERT INTO " + TABLE + " (nickname, email, password, visits, balance, verified, created, profile,"
                        + " avatar, tags) VALUES ('ann', 'ann@example.com', '" + hash + "', 9007199254740993,"
                        + " 12.50, true, '2024-02-03 04:05:06.789+00', '{\"plan\": \"gold\"}', '\\x00ff',"
                        + " ARRAY['a', 'b c'])",
                "INSERT INTO " + TABLE + " (nickname, email) VALUES ('bob', 'bob@example.com')");
        runner = Sandboxes.runner();
    }

    @AfterAll
    static void stop() {
        runner.close();
        DB.execute("DROP TABLE IF EXISTS " + TABLE);
    }

    @Test
    void login_in_the_style_of_the_published_template_checks_the_bcrypt_hash() {
        String script = """
                function login(email, password, callback) {
                  const { Client } = require('pg');
                  const bcrypt = require('bcrypt');
                  const client = new Client({host: configuration.PG_HOST, port: configuration.PG_PORT,
                    user: configuration.PG_USER, password: configuration.PG_PASSWORD,
                    database: configuration.PG_DATABASE});
                  client.connect(function (err) {
                    if (err) return callback(err);
                    const query = 'SELECT id, nickname, email, password FROM %s WHERE email = $1';
                    client.query(query, [email], function (err, result) {
                      client.end();
                      if (err || result.rows.length === 0) return callback(err || new WrongUsernameOrPasswordError(email));
                      const user = result.rows[0];
                      bcrypt.compare(password, user.password, function (err, isValid) {
                        if (err || !isValid) return callback(err || new WrongUsernameOrPasswordError(email));
                        callback(null, {user_id: user.id, nickname: user.nickname, email: user.email});
                      });
                    });
                  });
                }
                """.formatted(TABLE);

        JsonNode profile = success(ScriptKey.LOGIN, script, "ann@example.com", "secret");
        ScriptResult wrong = Sandboxes.run(runner, set(ScriptKey.LOGIN, script), ScriptKey.LOGIN, "ann@example.com",
                "nope");
        ScriptResult unknown = Sandboxes.run(runner, set(ScriptKey.LOGIN, script), ScriptKey.LOGIN,
                "nobody@example.com", "secret");

        assertThat(profile.path("user_id").asInt()).isEqualTo(1);
        assertThat(profile.path("nickname").asText()).isEqualTo("ann");
        assertThat(failure(wrong).code()).contains("wrongusernameorpassword");
        assertThat(failure(unknown).code()).contains("wrongusernameorpassword");
    }

    @Test
    void the_legacy_pg_connect_with_done_works_and_pools_its_connections() {
        ScriptSet set = set(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  const postgres = require('pg');
                  const conString = configuration.PG_URL;
                  postgres.connect(conString, function (err, client, done) {
                    if (err) return callback(err);
                    client.query('SELECT email, pg_backend_pid() AS pid FROM %s WHERE email = $1', [email],
                      function (err, result) {
                        done();
                        if (err) return callback(err);
                        callback(null, result.rows[0]);
                      });
                  });
                }
                """.formatted(TABLE));

        JsonNode first = value(Sandboxes.run(runner, set, ScriptKey.GET_USER, "ann@example.com"));
        JsonNode second = value(Sandboxes.run(runner, set, ScriptKey.GET_USER, "bob@example.com"));

        assertThat(first.path("email").asText()).isEqualTo("ann@example.com");
        assertThat(second.path("email").asText()).isEqualTo("bob@example.com");
        assertThat(second.path("pid").asInt()).isEqualTo(first.path("pid").asInt());
    }

    @Test
    void every_promise_form_resolves() {
        JsonNode result = success(ScriptKey.GET_USER, """
                async function getUser(email, callback) {
                  %s
                  const client = new pg.Client(config);
                  const connected = await client.connect();
                  const one = await client.query('SELECT nickname FROM %s WHERE email = $1', [email]);
                  const two = await client.query({text: 'SELECT $1::int + $2::int AS sum', values: [2, 3]});
                  await client.end();
                  const pool = new pg.Pool(config);
                  const three = await pool.query('SELECT count(*) AS n FROM %s');
                  const leased = await pool.connect();
                  const four = await leased.query('SELECT 4 AS four');
                  leased.release();
                  await pool.end();
                  callback(null, {connected: connected === undefined, one: one.rows[0].nickname,
                    sum: two.rows[0].sum, n: three.rows[0].n, four: four.rows[0].four});
                }
                """.formatted(CONFIG, TABLE, TABLE), "ann@example.com");

        assertThat(result.path("connected").asBoolean()).isTrue();
        assertThat(result.path("one").asText()).isEqualTo("ann");
        assertThat(result.path("sum").asInt()).isEqualTo(5);
        assertThat(result.path("n").asText()).isEqualTo("2");
        assertThat(result.path("four").asInt()).isEqualTo(4);
    }

    @Test
    void every_callback_form_answers() {
        JsonNode result = success(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  %s
                  const out = {};
                  const pool = new pg.Pool(config);
                  pool.query('SELECT 1 AS a', function (err, r1) {
                    if (err) return callback(err);
                    out.a = r1.rows[0].a;
                    pool.query('SELECT $1::text AS b', ['bee'], function (err, r2) {
                      if (err) return callback(err);
                      out.b = r2.rows[0].b;
                      pool.connect(function (err, client, release) {
                        if (err) return callback(err);
                        client.query({text: 'SELECT $1::text AS c', values: ['sea']}, function (err, r3) {
                          release();
                          if (err) return callback(err);
                          out.c = r3.rows[0].c;
                          const single = new pg.Client(config);
                          single.connect(function (err) {
                            if (err) return callback(err);
                            single.query('SELECT 4 AS d', function (err, r4) {
                              out.d = r4.rows[0].d;
                              single.end(function (endError) {
                                out.ended = endError === null || endError === undefined;
                                pool.end(function () { callback(null, out); });
                              });
                            });
                          });
                        });
                      });
                    });
                  });
                }
                """.formatted(CONFIG), "x");

        assertThat(result.toString()).isEqualTo("{\"a\":1,\"b\":\"bee\",\"c\":\"sea\",\"d\":4,\"ended\":true}");
    }

    @Test
    void placeholders_may_repeat_come_out_of_order_and_sit_beside_dollars_in_literals() {
        JsonNode row = success(ScriptKey.GET_USER, """
                async function getUser(email, callback) {
                  %s
                  const pool = new pg.Pool(config);
                  const r = await pool.query("SELECT $2::text AS second, $1::text AS first, $2::text || '$1 ?' AS again,"
                    + " $$ $1 $$ AS quoted", ['one', 'two']);
                  await pool.end();
                  callback(null, r.rows[0]);
                }
                """.formatted(CONFIG), "x");

        assertThat(row.toString()).isEqualTo("{\"second\":\"two\",\"first\":\"one\",\"again\":\"two$1 ?\","
                + "\"quoted\":\" $1 \"}");
    }

    @Test
    void column_values_are_parsed_as_node_postgres_does_by_default() {
        JsonNode row = success(ScriptKey.GET_USER, """
                async function getUser(email, callback) {
                  %s
                  const client = new pg.Client(config);
                  await client.connect();
                  const r = await client.query('SELECT id, visits, balance, verified, created, profile, avatar, tags,'
                    + " nickname, 2::int2 AS small, 1.5::float8 AS f, '2024-02-03'::date AS d, ARRAY[1,2]::int4[] AS ints,"
                    + " '[1, {\\"a\\": 2}]'::json AS j, NULL::text AS nothing FROM %s WHERE email = $1", [email]);
                  await client.end();
                  const u = r.rows[0];
                  callback(null, {id: typeof u.id, visits: u.visits, visitsType: typeof u.visits, balance: u.balance,
                    verified: u.verified, created: u.created instanceof Date && u.created.toISOString(),
                    plan: u.profile.plan, avatar: Buffer.isBuffer(u.avatar) && u.avatar.toString('hex'), tags: u.tags,
                    small: u.small, f: u.f, date: u.d instanceof Date && u.d.getDate(), ints: u.ints, j: u.j,
                    nothing: u.nothing, fields: r.fields.map(f => f.name + ':' + f.dataTypeID).slice(0, 3).join(','),
                    command: r.command, rowCount: r.rowCount});
                }
                """.formatted(CONFIG, TABLE), "ann@example.com");

        assertThat(row.path("id").asText()).isEqualTo("number");
        assertThat(row.path("visits").asText()).isEqualTo("9007199254740993");
        assertThat(row.path("visitsType").asText()).isEqualTo("string");
        assertThat(row.path("balance").asText()).isEqualTo("12.50");
        assertThat(row.path("verified").asBoolean()).isTrue();
        assertThat(row.path("created").asText()).isEqualTo("2024-02-03T04:05:06.789Z");
        assertThat(row.path("plan").asText()).isEqualTo("gold");
        assertThat(row.path("avatar").asText()).isEqualTo("00ff");
        assertThat(row.path("tags").toString()).isEqualTo("[\"a\",\"b c\"]");
        assertThat(row.path("small").asInt()).isEqualTo(2);
        assertThat(row.path("f").asDouble()).isEqualTo(1.5);
        assertThat(row.path("date").asInt()).isEqualTo(3);
        assertThat(row.path("ints").toString()).isEqualTo("[1,2]");
        assertThat(row.path("j").toString()).isEqualTo("[1,{\"a\":2}]");
        assertThat(row.path("nothing").isNull()).isTrue();
        assertThat(row.path("fields").asText()).isEqualTo("id:23,visits:20,balance:1700");
        assertThat(row.path("command").asText()).isEqualTo("SELECT");
        assertThat(row.path("rowCount").asInt()).isEqualTo(1);
    }

    @Test
    void values_are_prepared_as_node_postgres_prepares_them() {
        JsonNode row = success(ScriptKey.GET_USER, """
                async function getUser(email, callback) {
                  %s
                  const pool = new pg.Pool(config);
                  const r = await pool.query('SELECT $1::int + 1 AS n, $2::float8 * 2 AS f, $3::boolean AS b,'
                    + ' $4::timestamptz AS t, $5::bytea AS bytes, $6::jsonb AS obj, $7::int[] AS arr, $8::text AS nul,'
                    + ' $9 AS untyped', [41, 1.25, false, new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 6)),
                    Buffer.from([1, 2, 255]), {k: ['v']}, [1, null, 3], null, 7]);
                  await pool.end();
                  const x = r.rows[0];
                  callback(null, {n: x.n, f: x.f, b: x.b, t: x.t.toISOString(), bytes: x.bytes.toString('hex'),
                    obj: x.obj, arr: x.arr, nul: x.nul, untyped: x.untyped});
                }
                """.formatted(CONFIG), "x");

        assertThat(row.toString()).isEqualTo("{\"n\":42,\"f\":2.5,\"b\":false,\"t\":\"2020-01-02T03:04:05.006Z\","
                + "\"bytes\":\"0102ff\",\"obj\":{\"k\":[\"v\"]},\"arr\":[1,null,3],\"nul\":null,\"untyped\":\"7\"}");
    }

    @Test
    void dml_reports_its_command_and_row_count() {
        JsonNode result = success(ScriptKey.GET_USER, """
                async function getUser(email, callback) {
                  %s
                  const pool = new pg.Pool(config);
                  const ins = await pool.query('INSERT INTO %s (nickname, email) VALUES ($1, $2), ($1, $3)',
                    ['tmp', 'tmp1@example.com', 'tmp2@example.com']);
                  const upd = await pool.query("UPDATE %s SET verified = true WHERE nickname = 'tmp'");
                  const ret = await pool.query('DELETE FROM %s WHERE nickname = $1 RETURNING email', ['tmp']);
                  const none = await pool.query('UPDATE %s SET verified = false WHERE email = $1', ['none@x']);
                  await pool.end();
                  callback(null, {ins: ins.command + ins.rowCount, upd: upd.command + upd.rowCount,
                    ret: ret.command + ret.rowCount + ':' + ret.rows.length, none: none.command + none.rowCount});
                }
                """.formatted(CONFIG, TABLE, TABLE, TABLE, TABLE), "x");

        assertThat(result.toString()).isEqualTo(
                "{\"ins\":\"INSERT2\",\"upd\":\"UPDATE2\",\"ret\":\"DELETE2:2\",\"none\":\"UPDATE0\"}");
    }

    @Test
    void a_duplicate_key_is_a_database_error_with_the_servers_fields() {
        JsonNode error = errorOf("""
                client.query('INSERT INTO %s (email) VALUES ($1)', ['ann@example.com'], report);
                """.formatted(TABLE));

        assertThat(error.path("code").asText()).isEqualTo("23505");
        assertThat(error.path("name").asText()).isEqualTo("error");
        assertThat(error.path("severity").asText()).isEqualTo("ERROR");
        assertThat(error.path("constraint").asText()).isEqualTo(TABLE + "_email_key");
        assertThat(error.path("table").asText()).isEqualTo(TABLE);
        assertThat(error.path("detail").asText()).isEqualTo("Key (email)=(ann@example.com) already exists.");
        assertThat(error.path("message").asText()).startsWith("duplicate key value violates unique constraint");
        assertThat(error.path("isError").asBoolean()).isTrue();
    }

    @Test
    void a_syntax_error_carries_its_sqlstate_and_position() {
        JsonNode error = errorOf("client.query('SELEC 1', report);");

        assertThat(error.path("code").asText()).isEqualTo("42601");
        assertThat(error.path("position").asText()).isEqualTo("1");
        assertThat(error.path("message").asText()).isEqualTo("syntax error at or near \"SELEC\"");
    }

    @Test
    void a_refused_connection_is_econnrefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JsonNode error = success(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  const pg = require('pg');
                  const client = new pg.Client('postgres://u:p@127.0.0.1:%d/test');
                  client.connect(function (err) {
                    callback(null, {code: err.code, message: err.message, errno: err.errno, syscall: err.syscall});
                  });
                }
                """.formatted(port), "x");

        assertThat(error.path("code").asText()).isEqualTo("ECONNREFUSED");
        assertThat(error.path("message").asText()).isEqualTo("connect ECONNREFUSED 127.0.0.1:" + port);
        assertThat(error.path("errno").asInt()).isEqualTo(-111);
        assertThat(error.path("syscall").asText()).isEqualTo("connect");
    }

    @Test
    void a_pool_kept_in_global_is_reused_by_the_next_execution() {
        ScriptSet set = set(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  %s
                  const fresh = !global.pgPool;
                  global.pgPool = global.pgPool || new pg.Pool(config);
                  global.pgPool.query('SELECT email, pg_backend_pid() AS pid FROM %s WHERE email = $1', [email],
                    function (err, result) {
                      if (err) return callback(err);
                      callback(null, {fresh: fresh, email: result.rows[0].email, pid: result.rows[0].pid});
                    });
                }
                """.formatted(CONFIG, TABLE));

        JsonNode first = value(Sandboxes.run(runner, set, ScriptKey.GET_USER, "ann@example.com"));
        JsonNode second = value(Sandboxes.run(runner, set, ScriptKey.GET_USER, "bob@example.com"));

        assertThat(first.path("fresh").asBoolean()).isTrue();
        assertThat(second.path("fresh").asBoolean()).isFalse();
        assertThat(second.path("email").asText()).isEqualTo("bob@example.com");
        assertThat(second.path("pid").asInt()).isEqualTo(first.path("pid").asInt());
    }

    @Test
    void the_default_policy_refuses_a_server_on_loopback_with_ehostblocked() {
        ScriptResult result = Sandboxes.run(runner, Sandboxes.set(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  %s
                  const client = new pg.Client(config);
                  client.connect(function (err) {
                    callback(null, {code: err && err.code, message: err && err.message});
                  });
                }
                """.formatted(CONFIG), DB.configuration(), ScriptPolicy.defaults()), ScriptKey.GET_USER, "x");

        JsonNode error = value(result);
        assertThat(error.path("code").asText()).isEqualTo("EHOSTBLOCKED");
        assertThat(error.path("message").asText()).contains("'" + DB.host() + "'").contains("allowLoopback");
    }

    private static JsonNode errorOf(String statement) {
        return success(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  %s
                  const client = new pg.Client(config);
                  client.connect();
                  function report(err) {
                    client.end();
                    if (!err) return callback(new Error('expected an error'));
                    callback(null, {code: err.code, name: err.name, severity: err.severity, detail: err.detail,
                      constraint: err.constraint, table: err.table, position: err.position, message: err.message,
                      isError: err instanceof Error});
                  }
                  %s
                }
                """.formatted(CONFIG, statement), "x");
    }

    private static JsonNode success(ScriptKey key, String source, Object... args) {
        return value(Sandboxes.run(runner, set(key, source), key, args));
    }

    private static JsonNode value(ScriptResult result) {
        assertThat(result.outcome()).as("%s %s", result.outcome(), result.console())
                .isInstanceOf(ScriptOutcome.Success.class);
        return ((ScriptOutcome.Success) result.outcome()).value();
    }

    private static ScriptError failure(ScriptResult result) {
        assertThat(result.outcome()).as("%s %s", result.outcome(), result.console())
                .isInstanceOf(ScriptOutcome.Failure.class);
        return ((ScriptOutcome.Failure) result.outcome()).error();
    }

    /** The test PostgreSQL listens on loopback, which the default policy refuses. */
    private static ScriptSet set(ScriptKey key, String source) {
        return Sandboxes.set(key, source, DB.configuration(), "{\"allowLoopback\": true}");
    }
}
