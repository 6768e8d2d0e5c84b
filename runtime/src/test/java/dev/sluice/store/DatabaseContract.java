package dev.sluice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** What {@link Database} promises on every engine; one subclass per engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseContract {

    @TempDir
    static Path temporaryDirectory;

    private TestDatabases.Fresh fresh;
    private Database database;

    abstract TestDatabases.Engine engine();

    @BeforeAll
    void openFreshDatabase() {
        fresh = TestDatabases.fresh(engine(), temporaryDirectory);
        database = Database.open(fresh.settings());
    }

    @AfterAll
    void dropIt() throws Exception {
        database.close();
        fresh.close();
    }

    @Test
    void the_url_selects_the_dialect() {
        assertThat(database.dialect()).isEqualTo(switch (engine()) {
            case H2 -> Dialect.H2;
            case POSTGRESQL -> Dialect.POSTGRESQL;
            case MARIADB -> Dialect.MYSQL;
        });
    }

    @Test
    void migrating_again_is_a_no_op() {
        assertThat(database.migrate()).isZero();
        try (Database second = Database.open(fresh.settings())) {
            assertThat(second.migrate()).isZero();
        }
    }

    @Test
    void the_users_table_exists_after_opening() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            assertThat(statement.executeQuery("SELECT COUNT(*) FROM users").next()).isTrue();
        }
    }

    @Test
    void a_unique_violation_names_its_constraint() throws SQLException {
        String insert = "INSERT INTO users (id, connection, user_id, email, email_verified, profile, source,"
                + " created_at, updated_at)"
                + " VALUES ('%s', 'dialect-test', '%s', 'same@example.com', FALSE, '{}', 'bulk', 1, 1)";
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(insert.formatted("id-1", "user-1"));

            SQLException sameEmail = catchThrowableOfType(SQLException.class,
                    () -> statement.executeUpdate(insert.formatted("id-2", "user-2")));
            SQLException sameUserId = catchThrowableOfType(SQLException.class,
                    () -> statement.executeUpdate(insert.formatted("id-3", "user-1")));

            assertThat(database.dialect().isUniqueViolation(sameEmail)).isTrue();
            assertThat(database.dialect().violatedUniqueConstraint(sameEmail)).contains("users_email_uk");
            assertThat(database.dialect().violatedUniqueConstraint(sameUserId)).contains("users_user_id_uk");
        }
    }

    @Test
    void text_compares_exactly_as_on_the_other_engines() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO users (id, connection, user_id, email_verified, profile, source,"
                    + " created_at, updated_at)"
                    + " VALUES ('collation-1', 'collation-test', 'Abc', FALSE, '{}', 'bulk', 1, 1)");

            ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM users WHERE connection = 'collation-test'"
                    + " AND user_id IN ('abc', 'ABC', 'Äbc')");
            result.next();
            assertThat(result.getLong(1)).isZero();
        }
    }
}
