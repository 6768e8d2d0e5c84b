package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.Sandboxes;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptResult;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The {@code tedious} module over mssql-jdbc against a real SQL Server, which cannot run on the build machines: runs
 * only when {@code MSSQL_URL} is set, e.g. {@code mssql://sa:Secret123@db.example.com:1433/master?encrypt=false
 * &trustServerCertificate=true}. The server must be reachable under the policy used here (loopback and private
 * networks allowed).
 */
@EnabledIfEnvironmentVariable(named = "MSSQL_URL", matches = ".+")
class TediousRealServerTest {

    private static GraalScriptRunner runner;
    private static Map<String, String> config;

    @BeforeAll
    static void start() {
        URI url = URI.create(System.getenv("MSSQL_URL"));
        String[] user = url.getRawUserInfo().split(":", 2);
        String query = url.getQuery() == null ? "" : url.getQuery();
        config = Map.of("HOST", url.getHost(), "PORT", String.valueOf(url.getPort() < 0 ? 1433 : url.getPort()),
                "USER", java.net.URLDecoder.decode(user[0], java.nio.charset.StandardCharsets.UTF_8),
                "PASSWORD", java.net.URLDecoder.decode(user[1], java.nio.charset.StandardCharsets.UTF_8),
                "DATABASE", url.getPath().replaceFirst("^/", "").isEmpty() ? "master" : url.getPath().substring(1),
                "ENCRYPT", String.valueOf(!query.contains("encrypt=false")),
                "TRUST", String.valueOf(query.contains("trustServerCertificate=true")));
        runner = Sandboxes.runner();
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void a_parameterized_select_returns_typed_columns_from_a_real_server() {
        JsonNode out = success("""
                const request = new Request("SELECT @Id + 1 AS Next, @Name AS Name, CAST(1 AS bit) AS Yes, " +
                  "CAST('2024-02-03T04:05:06.007' AS datetime) AS At, NEWID() AS Guid", function (err, rowCount, rows) {
                  if (err) return done(err);
                  const row = rows[0];
                  done(null, {rowCount: rowCount, next: row[0].value, name: row[1].value, yes: row[2].value,
                    at: row[3].value.toISOString(), guid: typeof row[4].value, col: row[0].metadata.colName});
                });
                request.addParameter('Id', TYPES.Int, 41);
                request.addParameter('Name', TYPES.NVarChar, 'Zoë');
                connection.execSql(request);
                """);

        assertThat(out.path("rowCount").asInt()).isEqualTo(1);
        assertThat(out.path("next").asInt()).isEqualTo(42);
        assertThat(out.path("name").asText()).isEqualTo("Zoë");
        assertThat(out.path("yes").asBoolean()).isTrue();
        assertThat(out.path("at").asText()).isEqualTo("2024-02-03T04:05:06.007Z");
        assertThat(out.path("guid").asText()).isEqualTo("string");
        assertThat(out.path("col").asText()).isEqualTo("Next");
    }

    @Test
    void a_server_error_is_a_request_error_with_its_number() {
        JsonNode out = success("""
                connection.execSql(new Request('SELECT * FROM dbo.sluice_no_such_table', function (err) {
                  done(null, {code: err.code, number: err.number, name: err.name});
                }));
                """);

        assertThat(out.path("code").asText()).isEqualTo("EREQUEST");
        assertThat(out.path("number").asInt()).isEqualTo(208);
        assertThat(out.path("name").asText()).isEqualTo("RequestError");
    }

    @Test
    void a_wrong_password_is_a_connection_error_elogin() {
        ScriptResult result = Sandboxes.run(runner, Sandboxes.set(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  const tedious = require('tedious');
                  const connection = new tedious.Connection({server: configuration.HOST,
                    authentication: {type: 'default', options: {userName: configuration.USER, password: 'wrong'}},
                    options: {port: Number(configuration.PORT), encrypt: configuration.ENCRYPT === 'true',
                      trustServerCertificate: configuration.TRUST === 'true'}});
                  connection.connect(function (err) { callback(null, {code: err && err.code}); });
                }
                """, config, POLICY), ScriptKey.GET_USER, "x");

        assertThat(((ScriptOutcome.Success) result.outcome()).value().path("code").asText()).isEqualTo("ELOGIN");
    }

    private static final String POLICY = "{\"allowLoopback\": true, \"allowPrivateNetworks\": true}";

    private static JsonNode success(String body) {
        ScriptResult result = Sandboxes.run(runner, Sandboxes.set(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  const tedious = require('tedious@1.11.0');
                  const Request = tedious.Request;
                  const TYPES = tedious.TYPES;
                  const connection = new tedious.Connection({userName: configuration.USER,
                    password: configuration.PASSWORD, server: configuration.HOST,
                    options: {port: Number(configuration.PORT), database: configuration.DATABASE,
                      encrypt: configuration.ENCRYPT === 'true', trustServerCertificate: configuration.TRUST === 'true',
                      rowCollectionOnRequestCompletion: true}});
                  function done(err, value) { connection.close(); callback(err, value); }
                  connection.on('connect', function (err) {
                    if (err) return callback(err);
                    %s
                  });
                }
                """.formatted(body), config, POLICY), ScriptKey.GET_USER, "x");
        assertThat(result.outcome()).as("outcome (console %s)", result.console())
                .isInstanceOf(ScriptOutcome.Success.class);
        return ((ScriptOutcome.Success) result.outcome()).value();
    }
}
