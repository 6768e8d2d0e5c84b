package dev.sluice.migration;

import static dev.sluice.migration.MigrationFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.connection.Connection;
import dev.sluice.connection.ConnectionOptions;
import dev.sluice.migration.LoginResult.Failed;
import dev.sluice.migration.LoginResult.FailureReason;
import dev.sluice.migration.LoginResult.LoggedIn;
import dev.sluice.migration.LoginResult.Unauthorized;
import dev.sluice.migration.LoginResult.WrongCredentials;
import dev.sluice.sandbox.ScriptPolicy;
import dev.sluice.user.NewUser;
import dev.sluice.user.User;
import dev.sluice.user.UserQuery;
import dev.sluice.user.UserSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LoginFlow} with the real sandbox, a legacy table in MariaDB and the own store on H2. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginFlowTest {

    @RegisterExtension
    static final MigrationFixture fixture = new MigrationFixture("sluice_login_", "Ann@Example.com");

    private LoginFlow flow;

    @BeforeAll
    void flows() {
        flow = new LoginFlow(fixture.users(), fixture.hasher(), fixture.runner(),
                LoginFlow.legacyStorePolicy(ScriptPolicy.defaults()));
    }

    @Test
    void a_first_login_imports_the_user_with_the_scripts_id_and_the_typed_password() {
        LoginResult result = flow.login(importing(), "ann@example.com", PASSWORD);

        assertThat(result).isInstanceOfSatisfying(LoggedIn.class, in -> {
            assertThat(in.profile().userId()).isEqualTo("4711");
            assertThat(in.profile().email()).contains("ann@example.com");
            assertThat(in.profile().nickname()).contains("ann");
        });
        User stored = fixture.users().findById(fixture.connectionName(), "4711").orElseThrow();
        assertThat(stored.email()).contains("ann@example.com");
        assertThat(stored.source()).isEqualTo(UserSource.IMPORTED);
        assertThat(stored.profile().path("app_metadata").path("plan").asText()).isEqualTo("gold");
        assertThat(fixture.hasher().verify(PASSWORD, stored.passwordHash().orElseThrow())).isTrue();
    }

    @Test
    void a_migrated_user_never_reaches_the_script_again() {
        Connection connection = importing();
        assertThat(flow.login(connection, "ann@example.com", PASSWORD)).isInstanceOf(LoggedIn.class);
        fixture.legacy().drop();

        assertThat(flow.login(connection, "ann@example.com", PASSWORD)).isInstanceOf(LoggedIn.class);
        assertThat(flow.login(connection, "ANN@example.com", "wrong")).isInstanceOf(WrongCredentials.class);
    }

    @Test
    void a_wrong_password_is_wrong_credentials_and_creates_nothing() {
        long dummies = fixture.hasher().dummyVerifications();

        assertThat(flow.login(importing(), "ann@example.com", "wrong")).isInstanceOf(WrongCredentials.class);
        assertThat(fixture.users().findById(fixture.connectionName(), "4711")).isEmpty();
        assertThat(fixture.hasher().dummyVerifications()).as("the script's bcrypt.compare was the work")
                .isEqualTo(dummies);
    }

    @Test
    void an_unknown_user_is_wrong_credentials_after_the_work_of_a_password_check() {
        long dummies = fixture.hasher().dummyVerifications();

        assertThat(flow.login(importing(), "nobody@example.com", PASSWORD)).isInstanceOf(WrongCredentials.class);
        assertThat(count()).isZero();
        assertThat(fixture.hasher().dummyVerifications()).as("the script answered without a hash: one dummy check")
                .isEqualTo(dummies + 1);
    }

    @Test
    void a_migrated_users_wrong_password_costs_one_real_check_and_no_dummy() {
        Connection connection = importing();
        assertThat(flow.login(connection, "ann@example.com", PASSWORD)).isInstanceOf(LoggedIn.class);
        long dummies = fixture.hasher().dummyVerifications();

        assertThat(flow.login(connection, "ann@example.com", "wrong")).isInstanceOf(WrongCredentials.class);
        assertThat(fixture.hasher().dummyVerifications()).isEqualTo(dummies);
    }

    @Test
    void an_unauthorized_error_carries_the_scripts_message() {
        assertThat(flow.login(importing(), "blocked@example.com", PASSWORD))
                .isEqualTo(new Unauthorized("Your account is blocked, call the help desk."));
    }

    @Test
    void a_legacy_store_that_fails_is_a_named_failure_and_creates_nothing() {
        Connection connection = importing();
        fixture.legacy().drop();

        assertThat(flow.login(connection, "ann@example.com", PASSWORD)).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo(FailureReason.SCRIPT_FAILED));
        assertThat(count()).isZero();
    }

    @Test
    void a_script_that_throws_is_a_failure_and_creates_nothing() {
        Connection connection = connection(true, true, "function login(u, p, cb) { throw new Error('boom'); }");

        assertThat(flow.login(connection, "ann@example.com", PASSWORD)).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.detail()).contains("boom"));
        assertThat(count()).isZero();
    }

    @Test
    void a_profile_without_user_id_is_a_named_failure() {
        Connection connection = connection(true, true,
                "function login(u, p, cb) { cb(null, {email: u}); }");

        assertThat(flow.login(connection, "ann@example.com", PASSWORD))
                .isEqualTo(new Failed(FailureReason.INVALID_PROFILE,
                        "the login script returned a profile without user_id"));
        assertThat(count()).isZero();
    }

    @Test
    void a_script_that_gives_a_second_person_a_taken_user_id_never_logs_them_in_as_the_first() {
        Connection connection = connection(true, true,
                "function login(u, p, cb) { cb(null, {user_id: 'same', email: u}); }");
        assertThat(flow.login(connection, "first@example.com", PASSWORD)).isInstanceOf(LoggedIn.class);

        assertThat(flow.login(connection, "second@example.com", PASSWORD)).isEqualTo(new Failed(
                FailureReason.INVALID_PROFILE,
                "the login script returned a profile whose user_id belongs to another user"));
        assertThat(fixture.users().findById(fixture.connectionName(), "same").orElseThrow().email())
                .contains("first@example.com");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void eight_concurrent_first_logins_make_one_user_and_all_succeed() throws Exception {
        Connection connection = importing();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LoginResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return flow.login(connection, "ann@example.com", PASSWORD);
                }));
            }
            start.countDown();
            for (Future<LoginResult> result : results) {
                assertThat(result.get()).isInstanceOf(LoggedIn.class);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void legacy_mode_runs_the_script_every_time_and_caches_a_profile_without_password() {
        Connection connection = connection(true, false, LegacyScripts.MYSQL_LOGIN);

        assertThat(flow.login(connection, "ann@example.com", PASSWORD)).isInstanceOf(LoggedIn.class);
        User cached = fixture.users().findById(fixture.connectionName(), "4711").orElseThrow();
        assertThat(cached.source()).isEqualTo(UserSource.LEGACY_CACHE);
        assertThat(cached.passwordHash()).isEmpty();
        assertThat(flow.login(connection, "ann@example.com", PASSWORD)).isInstanceOf(LoggedIn.class);

        fixture.legacy().drop();
        assertThat(flow.login(connection, "ann@example.com", PASSWORD)).isInstanceOf(Failed.class);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void without_database_customization_only_the_own_store_answers() {
        Connection connection = connection(false, true, LegacyScripts.MYSQL_LOGIN);
        assertThat(flow.login(connection, "ann@example.com", PASSWORD)).isInstanceOf(WrongCredentials.class);

        fixture.users().create(NewUser.of(fixture.connectionName(), "own-1", UserSource.SIGNED_UP)
                .withEmail("own@example.com", true)
                .withPasswordHash(fixture.hasher().hash(PASSWORD)));
        assertThat(flow.login(connection, "own@example.com", PASSWORD)).isInstanceOf(LoggedIn.class);
        assertThat(flow.login(connection, "own@example.com", "wrong")).isInstanceOf(WrongCredentials.class);
    }

    private Connection importing() {
        return connection(true, true, LegacyScripts.MYSQL_LOGIN);
    }

    private Connection connection(boolean customization, boolean importMode, String login) {
        ObjectNode settings = JsonNodeFactory.instance.objectNode()
                .put("enabledDatabaseCustomization", customization).put("import_mode", importMode);
        Instant now = Instant.now();
        return new Connection("con_" + UUID.randomUUID().toString().substring(0, 16), fixture.connectionName(),
                "auth0",
                new ConnectionOptions(Map.of("login", login), fixture.legacy().configuration(), settings), List.of(),
                now, now);
    }

    private long count() {
        return fixture.users().search(UserQuery.all().inConnection(fixture.connectionName())).total();
    }
}
