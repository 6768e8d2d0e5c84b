package dev.sluice.user;

import dev.sluice.store.Database;
import dev.sluice.store.Dialect;
import dev.sluice.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@link UserStore} over plain JDBC on the store's {@link Database}. Uniqueness comes from the table's constraints
 * (never from a check before the insert), so it holds across threads and across nodes sharing one database.
 */
public final class JdbcUserStore implements UserStore {

    private static final int ATTEMPTS = 3;
    private static final String SELECT = "SELECT " + UserRows.COLUMNS + " FROM users";
    private static final String INSERT = "INSERT INTO users (id, " + UserRows.COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Clock clock;
    private final UserRows rows = new UserRows();
    private final DuplicateKeys duplicates;

    /** A store on {@code database}, with the system clock. */
    public JdbcUserStore(Database database) {
        this(database.dataSource(), database.dialect(), Clock.systemUTC());
    }

    /** A store on a migrated data source of the given dialect, stamping times from {@code clock}. */
    public JdbcUserStore(DataSource dataSource, Dialect dialect, Clock clock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.clock = clock;
        this.duplicates = new DuplicateKeys(dialect, this);
    }

    @Override
    public Optional<User> findById(String connection, String userId) {
        return findOne("user_id", connection, userId);
    }

    @Override
    public List<User> findByUserIdAnyConnection(String userId) {
        if (!UserFields.isClean(userId)) {
            return List.of();
        }
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = Sql.prepare(db, SELECT + " WHERE user_id = ? ORDER BY created_at, id",
                     List.of(userId));
             ResultSet result = select.executeQuery()) {
            List<User> users = new ArrayList<>();
            while (result.next()) {
                users.add(rows.read(result));
            }
            return List.copyOf(users);
        } catch (SQLException e) {
            throw new StoreException("reading a user failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<User> findByEmail(String connection, String email) {
        return findOne("email", connection, email.toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<User> findByUsername(String connection, String username) {
        return findOne("username", connection, username);
    }

    @Override
    public User create(NewUser user) {
        for (int attempt = 1; ; attempt++) {
            try (Connection db = dataSource.getConnection()) {
                return insert(db, user);
            } catch (SQLException e) {
                if (dialect.isUniqueViolation(e)) {
                    throw duplicates.of(e, user.connection(), Optional.of(user.userId()), user.email(),
                            user.username());
                }
                // An insert is atomic, so after a deadlock or serialization failure it is safe to try again.
                if (!dialect.isTransient(e) || attempt == ATTEMPTS) {
                    throw new StoreException("creating a user failed: " + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public Optional<User> updateProfile(String connection, String userId, UserChanges changes) {
        if (!UserFields.isClean(connection) || !UserFields.isClean(userId)) {
            return Optional.empty();
        }
        try (Connection db = dataSource.getConnection()) {
            return inTransaction(db, () -> update(db, connection, userId, changes));
        } catch (SQLException e) {
            if (dialect.isUniqueViolation(e)) {
                throw duplicates.of(e, connection, Optional.empty(), changes.email(), changes.username());
            }
            throw new StoreException("updating a user failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean setPassword(String connection, String userId, String passwordHash) {
        String hash = UserFields.key("password_hash", passwordHash, UserFields.MAX_HASH);
        return execute("UPDATE users SET password_hash = ?, updated_at = ? WHERE connection = ? AND user_id = ?",
                hash, clock.millis(), connection, userId) == 1;
    }

    @Override
    public boolean delete(String connection, String userId) {
        return execute("DELETE FROM users WHERE connection = ? AND user_id = ?", connection, userId) == 1;
    }

    @Override
    public UserPage search(UserQuery query) {
        List<Object> parameters = new ArrayList<>();
        String where = where(query, parameters);
        try (Connection db = dataSource.getConnection()) {
            long total = count(db, where, parameters);
            List<User> users = new ArrayList<>();
            if (query.offset() < total) {
                List<Object> paged = new ArrayList<>(parameters);
                paged.add(query.perPage());
                paged.add(query.offset());
                String sql = SELECT + where + " ORDER BY created_at, id LIMIT ? OFFSET ?";
                try (PreparedStatement select = Sql.prepare(db, sql, paged);
                     ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        users.add(rows.read(result));
                    }
                }
            }
            return new UserPage(users, query.page(), query.perPage(), total);
        } catch (SQLException e) {
            throw new StoreException("searching users failed: " + e.getMessage(), e);
        }
    }

    private User insert(Connection db, NewUser user) throws SQLException {
        long now = clock.millis();
        Optional<Long> migratedAt = user.source().isMigration() ? Optional.of(now) : Optional.empty();
        List<Object> values = List.of(UUID.randomUUID().toString(), user.userId(), user.connection(),
                Sql.nullable(user.email(), Types.VARCHAR), user.emailVerified(),
                Sql.nullable(user.username(), Types.VARCHAR), Sql.nullable(user.passwordHash(), Types.VARCHAR),
                rows.write(user.profile()), user.source().code(), now, now, Sql.nullable(migratedAt, Types.BIGINT));
        try (PreparedStatement insert = Sql.prepare(db, INSERT, values)) {
            insert.executeUpdate();
        }
        return select(db, "user_id", user.connection(), user.userId())
                .orElseThrow(() -> new StoreException("a created user is not readable", null));
    }

    private Optional<User> update(Connection db, String connection, String userId, UserChanges changes)
            throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE users SET updated_at = ?");
        List<Object> parameters = new ArrayList<>(List.of(clock.millis()));
        changes.email().ifPresent(email -> set(sql, parameters, "email", email));
        changes.emailVerified().ifPresent(verified -> set(sql, parameters, "email_verified", verified));
        changes.username().ifPresent(username -> set(sql, parameters, "username", username));
        changes.profile().ifPresent(profile -> set(sql, parameters, "profile", rows.write(profile)));
        sql.append(" WHERE connection = ? AND user_id = ?");
        parameters.add(connection);
        parameters.add(userId);
        try (PreparedStatement update = Sql.prepare(db, sql.toString(), parameters)) {
            if (update.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        return select(db, "user_id", connection, userId);
    }

    private static void set(StringBuilder sql, List<Object> parameters, String column, Object value) {
        sql.append(", ").append(column).append(" = ?");
        parameters.add(value);
    }

    private Optional<User> findOne(String column, String connection, String value) {
        if (!UserFields.isClean(connection) || !UserFields.isClean(value)) {
            return Optional.empty();
        }
        try (Connection db = dataSource.getConnection()) {
            return select(db, column, connection, value);
        } catch (SQLException e) {
            throw new StoreException("reading a user failed: " + e.getMessage(), e);
        }
    }

    private Optional<User> select(Connection db, String column, String connection, String value)
            throws SQLException {
        String sql = SELECT + " WHERE connection = ? AND " + column + " = ?";
        try (PreparedStatement select = Sql.prepare(db, sql, List.of(connection, value));
             ResultSet result = select.executeQuery()) {
            return result.next() ? Optional.of(rows.read(result)) : Optional.empty();
        }
    }

    private int execute(String sql, Object... parameters) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement statement = Sql.prepare(db, sql, List.of(parameters))) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("writing a user failed: " + e.getMessage(), e);
        }
    }

    private static long count(Connection db, String where, List<Object> parameters) throws SQLException {
        try (PreparedStatement count = Sql.prepare(db, "SELECT COUNT(*) FROM users" + where, parameters);
             ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String where(UserQuery query, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        query.connection().ifPresent(connection -> {
            conditions.add("connection = ?");
            parameters.add(connection);
        });
        query.email().ifPresent(email -> {
            conditions.add("email = ?");
            parameters.add(email);
        });
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Work in one transaction: committed when it returns, rolled back when it throws. */
    private static <T> T inTransaction(Connection db, Sql.Work<T> work) throws SQLException {
        db.setAutoCommit(false);
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }
}
