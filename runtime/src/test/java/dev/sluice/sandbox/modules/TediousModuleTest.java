package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.RuntimeSettings;
import dev.sluice.sandbox.Sandboxes;
import dev.sluice.sandbox.ScriptError;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptResult;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code tedious} facade as scripts use it, run in the real sandbox over {@link FakeSqlServer}: the seam below
 * the TDS driver. What reaches SQL Server (SQL text, declared parameters) and what scripts see (events, rows,
 * errors) are checked here; mssql-jdbc itself is exercised only by {@link TediousRealServerTest}.
 */
class TediousModuleTest {

    static final String LOOPBACK = "{\"allowLoopback\": true}";
    private static final String SETUP = """
            const tedious = require('tedious@1.11.0');
            const Connection = tedious.Connection;
            const Request = tedious.Request;
            const TYPES = tedious.TYPES;
            """;

    private FakeSqlServer server;
    private GraalScriptRunner runner;

    @BeforeEach
    void start() {
        server = new FakeSqlServer();
        runner = runnerOver(server);
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    /** A runner whose {@code tedious} talks to {@code fake}. */
    static GraalScriptRunner runnerOver(FakeSqlServer fake) {
        return new GraalScriptRunner(RuntimeSettings.defaults(), Modules.builtIn()
                .with(new NodeModule("tedious", host -> new TediousPrimitive(host, fake).build())));
    }

    @Test
    void a_login_in_the_style_of_the_published_template_reads_rows_collected_on_completion() {
        server.answering(sent -> FakeSqlServer.rows(List.of("Id:int", "Email:varchar", "Password:varchar"),
                List.of(Arrays.asList(7, "ann@example.com", "secret"))));

        JsonNode profile = success("""
                function login(email, password, callback) {
                  %s
                  const connection = new Connection({userName: 'sa', password: 'pw', server: '127.0.0.1',
                    options: {database: 'mydb', encrypt: true, rowCollectionOnRequestCompletion: true}});
                  connection.on('debug', function (text) {}).on('errorMessage', function (text) {});
                  connection.on('connect', function (err) {
                    if (err) return callback(err);
                    const request = new Request('SELECT Id, Email, Password FROM dbo.Users WHERE Email = @Email',
                      function (err, rowCount, rows) {
                        if (err || rowCount < 1) return callback(err || new WrongUsernameOrPasswordError(email));
                        if (rows[0][2].value !== password) return callback(new WrongUsernameOrPasswordError(email));
                        callback(null, {user_id: String(rows[0][0].value), email: rows[0][1].value,
                          colName: rows[0][1].metadata.colName, type: rows[0][0].metadata.type.name});
                      });
                    request.addParameter('Email', TYPES.VarChar, email);
                    connection.execSql(request);
                  });
                }
                """.formatted(SETUP), "ann@example.com", "secret");

        assertThat(profile.path("user_id").asText()).isEqualTo("7");
        assertThat(profile.path("email").asText()).isEqualTo("ann@example.com");
        assertThat(profile.path("colName").asText()).isEqualTo("Email");
        assertThat(profile.path("type").asText()).isEqualTo("Int");
        assertThat(server.opened).singleElement().satisfies(config -> {
            assertThat(config.server()).isEqualTo("127.0.0.1");
            assertThat(config.address()).isEqualTo("127.0.0.1");
            assertThat(config.port()).isEqualTo(1433);
            assertThat(config.database()).isEqualTo("mydb");
            assertThat(config.userName()).isEqualTo("sa");
            assertThat(config.password()).isEqualTo("pw");
            assertThat(config.encrypt()).isTrue();
        });
        FakeSqlServer.Sent sent = server.sent.getFirst();
        assertThat(sent.sql()).isEqualTo("SELECT Id, Email, Password FROM dbo.Users WHERE Email = @Email");
        assertThat(sent.value("Email")).isEqualTo("ann@example.com");
        assertThat(sent.declaration("Email")).isEqualTo("varchar(15)");
    }

    @Test
    void row_events_with_use_column_names_are_keyed_by_column_name() {
        server.answering(sent -> FakeSqlServer.rows(List.of("UserId:uniqueidentifier", "UserName:nvarchar",
                "IsApproved:bit", "CreateDate:datetime"), List.of(Arrays.asList(
                "6F9619FF-8B86-D011-B42D-00C04FC964FF", "ann", true, "2024-02-03T04:05:06.789"))));

        JsonNode user = success("""
                function getByEmail(email, callback) {
                  %s
                  const connection = new Connection({userName: 'sa', password: 'pw', server: '127.0.0.1',
                    options: {database: 'aspnet', useColumnNames: true}});
                  connection.on('connect', function (err) {
                    if (err) return callback(err);
                    let user = null;
                    const request = new Request('SELECT UserId, UserName FROM Users WHERE UserName = @Username',
                      function (err, rowCount) {
                        if (err) return callback(err);
                        if (rowCount < 1) return callback();
                        callback(null, user);
                      });
                    request.addParameter('Username', TYPES.NVarChar, email);
                    request.on('row', function (fields) {
                      user = {user_id: fields.UserId.value, nickname: fields.UserName.value,
                        approved: fields.IsApproved.value, created: fields.CreateDate.value.toISOString(),
                        isDate: fields.CreateDate.value instanceof Date, name: fields.UserName.metadata.colName};
                    });
                    connection.execSql(request);
                  });
                }
                """.formatted(SETUP), "ann");

        assertThat(user.path("user_id").asText()).isEqualTo("6F9619FF-8B86-D011-B42D-00C04FC964FF");
        assertThat(user.path("nickname").asText()).isEqualTo("ann");
        assertThat(user.path("approved").asBoolean()).isTrue();
        assertThat(user.path("created").asText()).isEqualTo("2024-02-03T04:05:06.789Z");
        assertThat(user.path("isDate").asBoolean()).isTrue();
        assertThat(user.path("name").asText()).isEqualTo("UserName");
        assertThat(server.sent.getFirst().declaration("Username")).isEqualTo("nvarchar(3)");
    }

    @Test
    void rows_are_not_collected_unless_the_script_asks_for_them() {
        server.answering(sent -> FakeSqlServer.rows(List.of("Id:int"), List.of(List.of(1), List.of(2))));

        JsonNode out = success(connected("""
                let seen = 0;
                const request = new Request('SELECT Id FROM Users', function (err, rowCount, rows) {
                  if (err) return callback(err);
                  callback(null, {rowCount: rowCount, collected: rows.length, seen: seen});
                });
                request.on('row', function (columns) { seen += columns[0].value; });
                connection.execSql(request);
                """), "x");

        assertThat(out.path("rowCount").asInt()).isEqualTo(2);
        assertThat(out.path("collected").asInt()).isZero();
        assertThat(out.path("seen").asInt()).isEqualTo(3);
    }

    @Test
    void parameters_reach_the_session_with_the_declarations_tedious_sends() {
        success(connected("""
                const request = new Request('UPDATE Users SET A = @A WHERE B = @B', function (err) {
                  callback(err);
                });
                request.addParameter('Name', TYPES.NVarChar, 'Zoë');
                request.addParameter('Count', TYPES.Int, 42);
                request.addParameter('Active', TYPES.Bit, true);
                request.addParameter('Id', TYPES.UniqueIdentifier, '6f9619ff-8b86-d011-b42d-00c04fc964ff');
                request.addParameter('At', TYPES.DateTime, new Date(Date.UTC(2024, 1, 3, 4, 5, 6, 7)));
                request.addParameter('Missing', TYPES.VarChar, null);
                request.addParameter('Long', TYPES.VarChar, 'x'.repeat(9000));
                request.addParameter('Sized', TYPES.NVarChar, 'ab', {length: 50});
                connection.execSql(request);
                """), "x");

        FakeSqlServer.Sent sent = server.sent.getFirst();
        assertThat(sent.parameters()).extracting(TdsParameter::name)
                .containsExactly("Name", "Count", "Active", "Id", "At", "Missing", "Long", "Sized");
        assertThat(sent.declaration("Name")).isEqualTo("nvarchar(3)");
        assertThat(sent.value("Name")).isEqualTo("Zoë");
        assertThat(sent.declaration("Count")).isEqualTo("int");
        assertThat(sent.value("Count")).isEqualTo(42);
        assertThat(sent.declaration("Active")).isEqualTo("bit");
        assertThat(sent.value("Active")).isEqualTo(true);
        assertThat(sent.declaration("Id")).isEqualTo("uniqueidentifier");
        assertThat(sent.declaration("At")).isEqualTo("datetime");
        assertThat(sent.value("At")).isEqualTo("2024-02-03T04:05:06.007");
        assertThat(sent.declaration("Missing")).isEqualTo("varchar(1)");
        assertThat(sent.value("Missing")).isNull();
        assertThat(sent.declaration("Long")).isEqualTo("varchar(max)");
        assertThat(sent.declaration("Sized")).isEqualTo("nvarchar(50)");
    }

    @Test
    void an_update_reports_its_row_count_done_in_proc_and_request_completed() {
        server.answering(sent -> FakeSqlServer.updated(1));

        JsonNode out = success(connected("""
                const events = [];
                const request = new Request('UPDATE Users SET Verified = 1 WHERE Email = @Email',
                  function (err, rowCount) { events.push('callback:' + rowCount); });
                request.addParameter('Email', TYPES.VarChar, email);
                request.on('doneInProc', function (rowCount, more) { events.push('doneInProc:' + rowCount + ':' + more); });
                request.on('requestCompleted', function () { callback(null, events); });
                connection.execSql(request);
                """), "ann@example.com");

        assertThat(out.toString()).isEqualTo("[\"doneInProc:1:false\",\"callback:1\"]");
    }

    @Test
    void connect_with_a_callback_in_the_style_of_tedious_10_logs_in_once() {
        JsonNode out = success("""
                function getUser(email, callback) {
                  %s
                  const connection = new Connection({server: '127.0.0.1',
                    authentication: {type: 'default', options: {userName: 'app', password: 'pw'}},
                    options: {database: 'db', port: 1533, trustServerCertificate: true}});
                  connection.connect(function (err) {
                    if (err) return callback(err);
                    callback(null, {state: connection.state.name, hasPassword: JSON.stringify(connection.config)
                      .indexOf('pw') >= 0});
                  });
                }
                """.formatted(SETUP), "x");

        assertThat(out.path("state").asText()).isEqualTo("LoggedIn");
        assertThat(out.path("hasPassword").asBoolean()).isFalse();
        assertThat(server.opened).singleElement().satisfies(config -> {
            assertThat(config.userName()).isEqualTo("app");
            assertThat(config.password()).isEqualTo("pw");
            assertThat(config.port()).isEqualTo(1533);
            assertThat(config.trustServerCertificate()).isTrue();
        });
    }

    @Test
    void connect_called_after_the_automatic_start_joins_that_login() {
        JsonNode out = success("""
                function getUser(email, callback) {
                  %s
                  const connection = new Connection({userName: 'a', password: 'b', server: '127.0.0.1'});
                  setTimeout(function () {
                    connection.connect(function (err) { callback(err, {joined: true}); });
                  }, 0);
                }
                """.formatted(SETUP), "x");

        assertThat(out.path("joined").asBoolean()).isTrue();
        assertThat(server.opened).hasSize(1);
    }

    @Test
    void a_refused_login_is_a_connection_error_elogin_followed_by_end() {
        server.refusingLogins(new ModuleError("Login failed for user 'sa'.",
                Map.of("code", "ELOGIN", "errorType", "ConnectionError")));

        JsonNode out = success("""
                function login(email, password, callback) {
                  %s
                  const connection = new Connection({userName: 'sa', password: 'bad', server: '127.0.0.1'});
                  let connectError;
                  connection.on('connect', function (err) { connectError = err; });
                  connection.on('end', function () {
                    callback(null, {name: connectError.name, code: connectError.code, message: connectError.message,
                      isConnectionError: connectError instanceof tedious.ConnectionError,
                      isError: connectError instanceof Error, state: connection.state.name});
                  });
                }
                """.formatted(SETUP), "x", "y");

        assertThat(out.path("name").asText()).isEqualTo("ConnectionError");
        assertThat(out.path("code").asText()).isEqualTo("ELOGIN");
        assertThat(out.path("message").asText()).isEqualTo("Login failed for user 'sa'.");
        assertThat(out.path("isConnectionError").asBoolean()).isTrue();
        assertThat(out.path("isError").asBoolean()).isTrue();
        assertThat(out.path("state").asText()).isEqualTo("Final");
    }

    @Test
    void a_server_error_is_a_request_error_with_the_server_fields_and_an_error_message_event() {
        server.answering(sent -> {
            throw FakeSqlServer.serverError(208, "Invalid object name 'dbo.Nope'.");
        });

        JsonNode out = success(connected("""
                let messages = 0;
                connection.on('errorMessage', function () { messages++; });
                const request = new Request('SELECT 1 FROM dbo.Nope', function (err) {
                  callback(null, {name: err.name, code: err.code, number: err.number, state: err.state,
                    cls: err.class, lineNumber: err.lineNumber, message: err.message, messages: messages,
                    isRequestError: err instanceof tedious.RequestError, state2: connection.state.name});
                });
                connection.execSql(request);
                """), "x");

        assertThat(out.path("name").asText()).isEqualTo("RequestError");
        assertThat(out.path("code").asText()).isEqualTo("EREQUEST");
        assertThat(out.path("number").asInt()).isEqualTo(208);
        assertThat(out.path("state").asInt()).isEqualTo(1);
        assertThat(out.path("cls").asInt()).isEqualTo(14);
        assertThat(out.path("lineNumber").asInt()).isEqualTo(1);
        assertThat(out.path("message").asText()).isEqualTo("Invalid object name 'dbo.Nope'.");
        assertThat(out.path("messages").asInt()).isEqualTo(1);
        assertThat(out.path("isRequestError").asBoolean()).isTrue();
        assertThat(out.path("state2").asText()).isEqualTo("LoggedIn");
    }

    @Test
    void a_request_before_the_login_completes_fails_with_einvalidstate() {
        JsonNode out = success("""
                function getUser(email, callback) {
                  %s
                  const connection = new Connection({userName: 'a', password: 'b', server: '127.0.0.1'});
                  connection.execSql(new Request('SELECT 1', function (err) {
                    callback(null, {code: err.code, message: err.message});
                  }));
                }
                """.formatted(SETUP), "x");

        assertThat(out.path("code").asText()).isEqualTo("EINVALIDSTATE");
        assertThat(out.path("message").asText())
                .isEqualTo("Requests can only be made in the LoggedIn state, not the Initialized state");
    }

    @Test
    void a_second_request_while_one_runs_fails_with_einvalidstate() {
        JsonNode out = success(connected("""
                connection.execSql(new Request('SELECT 1', function () {}));
                connection.execSql(new Request('SELECT 2', function (err) {
                  callback(null, {code: err.code, message: err.message});
                }));
                """), "x");

        assertThat(out.path("message").asText())
                .isEqualTo("Requests can only be made in the LoggedIn state, not the SentClientRequest state");
    }

    @Test
    void close_ends_the_connection_and_its_session() {
        JsonNode out = success(connected("""
                connection.on('end', function () { callback(null, {state: connection.state.name}); });
                connection.close();
                """), "x");

        assertThat(out.path("state").asText()).isEqualTo("Final");
    }

    @Test
    void types_carry_their_names_and_declarations() {
        JsonNode out = success("""
                function getUser(email, callback) {
                  %s
                  callback(null, ['VarChar', 'NVarChar', 'Int', 'Bit', 'UniqueIdentifier', 'DateTime'].map(function (n) {
                    return TYPES[n].name + ' ' + TYPES[n].declaration({value: 'abc'});
                  }));
                }
                """.formatted(SETUP), "x");

        assertThat(out.toString()).isEqualTo("[\"VarChar varchar(3)\",\"NVarChar nvarchar(3)\",\"Int int\","
                + "\"Bit bit\",\"UniqueIdentifier uniqueidentifier\",\"DateTime datetime\"]");
    }

    @Test
    void the_default_policy_refuses_a_loopback_server_with_ehostblocked() {
        ScriptResult result = Sandboxes.run(runner, Sandboxes.set(ScriptKey.GET_USER, """
                function getUser(email, callback) {
                  %s
                  const connection = new Connection({userName: 'a', password: 'b', server: '127.0.0.1'});
                  connection.on('connect', function (err) { callback(err); });
                }
                """.formatted(SETUP), Map.of(), "{}"), ScriptKey.GET_USER, "x");

        ScriptError error = failure(result);
        assertThat(error.code()).contains("EHOSTBLOCKED");
        assertThat(error.message()).contains("127.0.0.1");
        assertThat(server.opened).isEmpty();
    }

    @Test
    void an_unsupported_authentication_type_is_a_clear_error() {
        ScriptResult result = run("""
                function getUser(email, callback) {
                  %s
                  new Connection({server: 'h', authentication: {type: 'azure-active-directory-password'}});
                }
                """.formatted(SETUP), "x");

        assertThat(failure(result).message()).contains("azure-active-directory-password");
    }

    /** A get_user script that connects 1.x-style, then runs {@code body} with {@code connection} logged in. */
    static String connected(String body) {
        return """
                function getUser(email, callback) {
                  %s
                  const connection = new Connection({userName: 'a', password: 'b', server: '127.0.0.1'});
                  connection.on('connect', function (err) {
                    if (err) return callback(err);
                    %s
                  });
                }
                """.formatted(SETUP, body);
    }

    private ScriptResult run(String source, Object... args) {
        ScriptKey key = args.length == 2 ? ScriptKey.LOGIN : ScriptKey.GET_USER;
        return Sandboxes.run(runner, Sandboxes.set(key, source, Map.of(), LOOPBACK), key, args);
    }

    private JsonNode success(String source, Object... args) {
        ScriptResult result = run(source, args);
        assertThat(result.outcome()).as("outcome (console %s)", result.console())
                .isInstanceOf(ScriptOutcome.Success.class);
        return ((ScriptOutcome.Success) result.outcome()).value();
    }

    private static ScriptError failure(ScriptResult result) {
        assertThat(result.outcome()).as("outcome (console %s)", result.console())
                .isInstanceOf(ScriptOutcome.Failure.class);
        return ((ScriptOutcome.Failure) result.outcome()).error();
    }
}
