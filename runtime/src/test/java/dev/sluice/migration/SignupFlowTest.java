package dev.sluice.migration;

import static dev.sluice.migration.MigrationFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.connection.Connection;
import dev.sluice.connection.ConnectionOptions;
import dev.sluice.migration.SignupResult.Failed;
import dev.sluice.migration.SignupResult.FailureReason;
import dev.sluice.migration.SignupResult.SignedUp;
import dev.sluice.migration.SignupResult.SignupDisabled;
import dev.sluice.migration.SignupResult.UserExists;
import dev.sluice.migration.SignupResult.WeakPassword;
import dev.sluice.sandbox.ScriptPolicy;
import dev.sluice.user.User;
import dev.sluice.user.UserQuery;
import dev.sluice.user.UserSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SignupFlow} with the real sandbox, a legacy table in MariaDB and the own store on H2. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignupFlowTest {

    private static final String CLIENT = "client-1";

    /** get_user in the style of the MySQL template: a profile when the email is in the table, else nothing. */
    private static final String MYSQL_GET_USER = """
            function getByEmail(email, callback) {
              const mysql = require('mysql');
              const connection = mysql.createConnection({
                host: configuration.DB_HOST, port: Number(configuration.DB_PORT), user: configuration.DB_USER,
                password: configuration.DB_PASSWORD, database: configuration.DB_NAME
              });
              connection.connect();
              const query = 'SELECT id, nickname, email FROM ' + configuration.DB_TABLE + ' WHERE email = ?';
              connection.query(query, [email], function (err, results) {
                connection.end();
                if (err) return callback(err);
                if (results.length === 0) return callback(null);
                const user = results[0];
                callback(null, {user_id: user.id.toString(), nickname: user.nickname, email: user.email});
              });
            }
            """;

    /** create in the style of the MySQL template: bcrypt the password, insert; a taken email is user_exists. */
    private static final String MYSQL_CREATE = """
            function create(user, callback) {
              const mysql = require('mysql');
              const bcrypt = require('bcrypt');
              const connection = mysql.createConnection({
                host: configuration.DB_HOST, port: Number(configuration.DB_PORT), user: configuration.DB_USER,
                password: configuration.DB_PASSWORD, database: configuration.DB_NAME
              });
              connection.connect();
              const select = 'SELECT id FROM ' + configuration.DB_TABLE + ' WHERE email = ?';
              connection.query(select, [user.email], function (err, results) {
                if (err) { connection.end(); return callback(err); }
                if (results.length > 0) {
                  connection.end();
                  return callback(new ValidationError('user_exists', 'the user already exists'));
                }
                bcrypt.hash(user.password, 4, function (err, hash) {
                  if (err) { connection.end(); return callback(err); }
                  const insert = 'INSERT INTO ' + configuration.DB_TABLE + ' (id, nickname, email, password) '
                      + 'VALUES (?, ?, ?, ?)';
                  connection.query(insert, [9000 + Math.floor(Math.random() * 100000),
                      user.nickname || user.user_metadata.nick || null, user.email, hash], function (err) {
                    connection.end();
                    callback(err || null);
                  });
                });
              });
            }
            """;

    @RegisterExtension
    static final MigrationFixture fixture = new MigrationFixture("sluice_signup_", "ann@example.com");

    private SignupFlow signups;
    private LoginFlow logins;

    @BeforeAll
    void flows() {
        ScriptPolicy policy = LoginFlow.legacyStorePolicy(ScriptPolicy.defaults());
        signups = new SignupFlow(fixture.users(), fixture.hasher(), fixture.runner(), policy);
        logins = new LoginFlow(fixture.users(), fixture.hasher(), fixture.runner(), policy);
    }

    @Test
    void import_mode_creates_a_new_user_in_the_own_store_who_then_logs_in_without_the_script() {
        Connection connection = importing();
        ObjectNode attributes = JsonNodeFactory.instance.objectNode().put("given_name", "Bea");
        attributes.putObject("user_metadata").put("color", "blue");

        SignupResult result = signups.signup(connection, new SignupRequest(CLIENT, "Bea@Example.com", PASSWORD,
                java.util.Optional.empty(), attributes));

        assertThat(result).isInstanceOfSatisfying(SignedUp.class, up -> {
            assertThat(up.userId()).matches("[0-9a-f]{24}");
            assertThat(up.email()).isEqualTo("bea@example.com");
        });
        User stored = fixture.users().findByEmail(fixture.connectionName(), "bea@example.com").orElseThrow();
        assertThat(stored.source()).isEqualTo(UserSource.SIGNED_UP);
        assertThat(stored.emailVerified()).isFalse();
        assertThat(stored.profile().path("given_name").asText()).isEqualTo("Bea");
        assertThat(stored.profile().path("user_metadata").path("color").asText()).isEqualTo("blue");
        assertThat(fixture.hasher().verify(PASSWORD, stored.passwordHash().orElseThrow())).isTrue();
        fixture.legacy().drop(); // the login must not need the legacy store
        assertThat(logins.login(connection, "bea@example.com", PASSWORD))
                .isInstanceOfSatisfying(LoginResult.LoggedIn.class,
                        in -> assertThat(in.profile().userId()).isEqualTo(stored.userId()));
    }

    @Test
    void import_mode_refuses_a_user_the_legacy_store_knows_and_creates_nothing() {
        assertThat(signups.signup(importing(), SignupRequest.of(CLIENT, "ann@example.com", PASSWORD)))
                .isInstanceOf(UserExists.class);
        assertThat(count()).isZero();
    }

    @Test
    void import_mode_refuses_a_user_the_own_store_knows_without_asking_the_legacy_store() {
        Connection connection = importing();
        assertThat(signups.signup(connection, SignupRequest.of(CLIENT, "cid@example.com", PASSWORD)))
                .isInstanceOf(SignedUp.class);
        fixture.legacy().drop();

        assertThat(signups.signup(connection, SignupRequest.of(CLIENT, "CID@example.com", PASSWORD)))
                .isInstanceOf(UserExists.class);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void import_mode_with_a_failing_get_user_is_a_failure_and_creates_nothing() {
        Connection connection = connection(true, true, Map.of("login", LegacyScripts.MYSQL_LOGIN, "get_user",
                "function getByEmail(email, callback) { throw new Error('legacy store down'); }"));

        SignupResult result = signups.signup(connection, SignupRequest.of(CLIENT, "dan@example.com", PASSWORD));

        assertThat(result).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo(FailureReason.SCRIPT_FAILED));
        assertThat(count()).isZero();
    }

    @Test
    void import_mode_with_an_unreachable_legacy_table_is_a_failure_and_creates_nothing() {
        Connection connection = importing();
        fixture.legacy().drop();

        assertThat(signups.signup(connection, SignupRequest.of(CLIENT, "eve@example.com", PASSWORD)))
                .isInstanceOf(Failed.class);
        assertThat(count()).isZero();
    }

    @Test
    void legacy_mode_creates_in_the_legacy_store_then_logs_in_and_caches_the_profile() {
        Connection connection = legacyMode();
        ObjectNode attributes = JsonNodeFactory.instance.objectNode().put("nickname", "fred");

        SignupResult result = signups.signup(connection, new SignupRequest(CLIENT, "fred@example.com", PASSWORD,
                java.util.Optional.empty(), attributes));

        assertThat(result).isInstanceOfSatisfying(SignedUp.class,
                up -> assertThat(up.email()).isEqualTo("fred@example.com"));
        User cached = fixture.users().findByEmail(fixture.connectionName(), "fred@example.com").orElseThrow();
        assertThat(cached.userId()).isEqualTo(((SignedUp) result).userId());
        assertThat(cached.source()).isEqualTo(UserSource.LEGACY_CACHE);
        assertThat(cached.passwordHash()).isEmpty();
        assertThat(cached.profile().path("nickname").asText()).isEqualTo("fred");
        assertThat(logins.login(connection, "fred@example.com", PASSWORD)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void legacy_mode_answers_user_exists_when_get_user_finds_the_user() {
        assertThat(signups.signup(legacyMode(), SignupRequest.of(CLIENT, "ann@example.com", PASSWORD)))
                .isInstanceOf(UserExists.class);
        assertThat(count()).isZero();
    }

    @Test
    void legacy_mode_answers_user_exists_when_create_says_so() {
        Connection connection = connection(true, false, Map.of("login", LegacyScripts.MYSQL_LOGIN,
                "get_user", "function getByEmail(email, callback) { callback(null, null); }", "create", MYSQL_CREATE));

        assertThat(signups.signup(connection, SignupRequest.of(CLIENT, "ann@example.com", PASSWORD)))
                .isInstanceOf(UserExists.class);
        assertThat(count()).isZero();
    }

    @Test
    void legacy_mode_with_a_failing_create_is_a_failure_and_caches_nothing() {
        Connection connection = connection(true, false, Map.of("login", LegacyScripts.MYSQL_LOGIN,
                "get_user", MYSQL_GET_USER, "create",
                "function create(user, callback) { callback(new Error('disk full')); }"));

        assertThat(signups.signup(connection, SignupRequest.of(CLIENT, "gil@example.com", PASSWORD)))
                .isInstanceOfSatisfying(Failed.class,
                        failed -> assertThat(failed.detail()).contains("disk full").doesNotContain(PASSWORD));
        assertThat(count()).isZero();
    }

    @Test
    void without_customization_the_own_store_alone_decides() {
        Connection connection = connection(false, false, Map.of());

        assertThat(signups.signup(connection, SignupRequest.of(CLIENT, "ann@example.com", PASSWORD)))
                .isInstanceOf(SignedUp.class);
        assertThat(signups.signup(connection, SignupRequest.of(CLIENT, "ann@example.com", PASSWORD)))
                .isInstanceOf(UserExists.class);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void a_short_password_is_weak_and_a_policy_can_ask_for_more() {
        Connection plain = connection(false, false, Map.of());
        assertThat(signups.signup(plain, SignupRequest.of(CLIENT, "hal@example.com", "short")))
                .isEqualTo(new WeakPassword("default"));

        Connection good = connection(false, false, Map.of(), settings -> settings.put("passwordPolicy", "good"));
        assertThat(signups.signup(good, SignupRequest.of(CLIENT, "hal@example.com", "alllowercase")))
                .isEqualTo(new WeakPassword("good"));
        assertThat(signups.signup(good, SignupRequest.of(CLIENT, "hal@example.com", "Mixed-case-1")))
                .isInstanceOf(SignedUp.class);
    }

    @Test
    void disabled_signup_is_refused() {
        Connection connection = connection(true, true, Map.of("login", LegacyScripts.MYSQL_LOGIN),
                settings -> settings.put("disable_signup", true));

        assertThat(signups.signup(connection, SignupRequest.of(CLIENT, "ivy@example.com", PASSWORD)))
                .isInstanceOf(SignupDisabled.class);
        assertThat(count()).isZero();
    }

    private Connection importing() {
        return connection(true, true, Map.of("login", LegacyScripts.MYSQL_LOGIN, "get_user", MYSQL_GET_USER));
    }

    private Connection legacyMode() {
        return connection(true, false, Map.of("login", LegacyScripts.MYSQL_LOGIN, "get_user", MYSQL_GET_USER,
                "create", MYSQL_CREATE));
    }

    private Connection connection(boolean customization, boolean importMode, Map<String, String> scripts) {
        return connection(customization, importMode, scripts, settings -> { });
    }

    private Connection connection(boolean customization, boolean importMode, Map<String, String> scripts,
            java.util.function.Consumer<ObjectNode> more) {
        ObjectNode settings = JsonNodeFactory.instance.objectNode()
                .put("enabledDatabaseCustomization", customization).put("import_mode", importMode);
        more.accept(settings);
        Instant now = Instant.now();
        return new Connection("con_" + UUID.randomUUID().toString().substring(0, 16), fixture.connectionName(),
                "auth0",
                new ConnectionOptions(scripts, fixture.legacy().configuration(), settings), List.of(), now, now);
    }

    private long count() {
        return fixture.users().search(UserQuery.all().inConnection(fixture.connectionName())).total();
    }
}
