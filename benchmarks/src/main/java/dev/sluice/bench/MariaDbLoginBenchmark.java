package dev.sluice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.ScriptSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A {@code login} in the style of the published MySQL template, against MariaDB: {@code require('mysql')} and
 * {@code require('bcrypt')}, a pool kept in {@code global} across executions, {@code SELECT ... WHERE email = ?},
 * then {@code bcrypt.compare} of the password with the stored cost-10 hash. Compare with
 * {@link BcryptAloneBenchmark}; target: within 10 % of it.
 *
 * <p>Two minutes of warm-up (≈ 1,600 logins): the Truffle interpreter on HotSpot keeps compiling for minutes, and
 * what is measured is a server that has been running, not one in its first seconds. With the 12 s warm-up of the
 * other benchmarks ({@code bin/bench MariaDb -wi 3 -w 4s}) the same login is a few percent slower
 * (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 12, time = 10)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow"})
public class MariaDbLoginBenchmark {

    static final String LOGIN = """
            function login(email, password, callback) {
              const mysql = require('mysql');
              const bcrypt = require('bcrypt');
              global.pool = global.pool || mysql.createPool({
                host: configuration.DB_HOST, port: Number(configuration.DB_PORT), user: configuration.DB_USER,
                password: configuration.DB_PASSWORD, database: configuration.DB_NAME
              });
              const query = 'SELECT id, nickname, email, password FROM %s WHERE email = ?';
              global.pool.query(query, [email], function (err, results) {
                if (err) return callback(err);
                if (results.length === 0) return callback(new WrongUsernameOrPasswordError(email));
                const user = results[0];
                bcrypt.compare(password, user.password, function (err, isValid) {
                  if (err || !isValid) return callback(err || new WrongUsernameOrPasswordError(email));
                  callback(null, {user_id: user.id.toString(), nickname: user.nickname, email: user.email});
                });
              });
            }
            """.formatted(LegacyUsers.TABLE);

    private final LegacyUsers users = new LegacyUsers();
    private final List<JsonNode> args = BenchScripts.args(LegacyUsers.EMAIL, LegacyUsers.PASSWORD);
    private GraalScriptRunner runner;
    private ScriptSet set;

    @Setup
    public void start() {
        users.create();
        runner = BenchScripts.runner();
        set = BenchScripts.loginSet("bench-mariadb", LOGIN, users.configuration(),
                "{\"allowLoopback\": true}");
        JsonNode profile = BenchScripts.login(runner, set, args);
        if (!LegacyUsers.EMAIL.equals(profile.path("email").asText())) {
            throw new IllegalStateException("unexpected profile: " + profile);
        }
    }

    @TearDown
    public void stop() {
        runner.close();
        users.drop();
    }

    @Benchmark
    public JsonNode mariaDbBcryptLogin() {
        return BenchScripts.login(runner, set, args);
    }
}
