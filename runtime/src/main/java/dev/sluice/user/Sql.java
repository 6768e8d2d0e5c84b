package dev.sluice.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Prepared statements with their parameters bound: strings, numbers, booleans and typed NULLs. */
final class Sql {

    private Sql() {
    }

    /** Database work that may throw {@link SQLException}. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /** A typed SQL NULL (PostgreSQL refuses a NULL of the wrong type), since {@link List#of} takes no nulls. */
    record NullOf(int sqlType) {
    }

    /** The value, or a NULL of {@code sqlType} when it is empty. */
    static Object nullable(Optional<?> value, int sqlType) {
        return value.<Object>map(present -> present).orElse(new NullOf(sqlType));
    }

    /** {@code sql} prepared on {@code db} with {@code parameters} bound in order; the caller closes it. */
    static PreparedStatement prepare(Connection db, String sql, List<?> parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                bind(statement, i + 1, parameters.get(i));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        switch (value) {
            case NullOf nullOf -> statement.setNull(index, nullOf.sqlType());
            case String text -> statement.setString(index, text);
            case Long number -> statement.setLong(index, number);
            case Integer number -> statement.setInt(index, number);
            case Boolean flag -> statement.setBoolean(index, flag);
            default -> throw new IllegalArgumentException("unbindable parameter of " + value.getClass());
        }
    }
}
