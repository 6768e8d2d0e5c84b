package dev.sluice.sandbox.modules;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One SQL Server session over mssql-jdbc; requests go through {@code sp_executesql}, as tedious sends them. */
final class MssqlJdbcSession implements TdsSession {

    private static final Logger LOG = Logger.getLogger(MssqlJdbcSession.class.getName());
    private static final int DATETIMEOFFSET = -155;

    private final Connection connection;
    private final SqlServerConfig config;
    private final long maxResultBytes;

    MssqlJdbcSession(Connection connection, SqlServerConfig config, long maxResultBytes) {
        this.connection = connection;
        this.config = config;
        this.maxResultBytes = maxResultBytes;
    }

    @Override
    public TdsResult execute(String sql, List<TdsParameter> parameters) {
        StringBuilder call = new StringBuilder("EXEC sp_executesql ?");
        if (!parameters.isEmpty()) {
            call.append(", ?").append(", ?".repeat(parameters.size()));
        }
        try (PreparedStatement statement = connection.prepareStatement(call.toString())) {
            statement.setNString(1, sql);
            if (!parameters.isEmpty()) {
                statement.setNString(2, String.join(",", parameters.stream()
                        .map(p -> "@" + p.name() + " " + p.declaration()).toList()));
                for (int i = 0; i < parameters.size(); i++) {
                    bind(statement, i + 3, parameters.get(i));
                }
            }
            return run(statement, statement.execute());
        } catch (SQLException | RuntimeException e) {
            throw TediousErrors.request(e, config);
        }
    }

    @Override
    public TdsResult batch(String sql) {
        try (Statement statement = connection.createStatement()) {
            return run(statement, statement.execute(sql));
        } catch (SQLException | RuntimeException e) {
            throw TediousErrors.request(e, config);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "closing a SQL Server session failed", e);
        }
    }

    private TdsResult run(Statement statement, boolean firstIsResultSet) throws SQLException {
        statement.setQueryTimeout((int) Math.max(1, (config.requestTimeout().toMillis() + 999) / 1000));
        List<TdsResult.Statement> out = new ArrayList<>();
        long[] bytes = {0};
        boolean isResultSet = firstIsResultSet;
        while (true) {
            if (isResultSet) {
                try (ResultSet rows = statement.getResultSet()) {
                    out.add(rows(rows, bytes));
                }
            } else {
                int count = statement.getUpdateCount();
                if (count == -1) {
                    return new TdsResult(out);
                }
                out.add(new TdsResult.Statement(List.of(), List.of(), count));
            }
            isResultSet = statement.getMoreResults();
        }
    }

    private TdsResult.Statement rows(ResultSet resultSet, long[] bytes) throws SQLException {
        ResultSetMetaData meta = resultSet.getMetaData();
        List<TdsResult.Column> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String type = meta.getColumnTypeName(i).toLowerCase(Locale.ROOT).replace(" identity", "");
            columns.add(new TdsResult.Column(meta.getColumnLabel(i), type));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (resultSet.next()) {
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                Object value = value(resultSet, meta.getColumnType(i), i);
                bytes[0] += value == null ? 4 : String.valueOf(value).length() * 2L + 8;
                row.add(value);
            }
            if (bytes[0] > maxResultBytes) {
                throw ModuleError.withCode("ERR_RESULT_TOO_LARGE",
                        "the result is larger than the sandbox policy's responseBytes (" + maxResultBytes + ")");
            }
            rows.add(row);
        }
        return new TdsResult.Statement(columns, rows, rows.size());
    }

    private static Object value(ResultSet rs, int sqlType, int i) throws SQLException {
        Object value = switch (sqlType) {
            case Types.BIT, Types.BOOLEAN -> rs.getBoolean(i);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> rs.getInt(i);
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> rs.getDouble(i);
            case Types.DECIMAL, Types.NUMERIC -> rs.getBigDecimal(i);
            case Types.DATE -> text(rs.getObject(i, LocalDate.class));
            case Types.TIME -> text(rs.getObject(i, LocalTime.class));
            case Types.TIMESTAMP -> text(rs.getObject(i, LocalDateTime.class));
            case DATETIMEOFFSET -> text(rs.getObject(i, OffsetDateTime.class));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> {
                byte[] raw = rs.getBytes(i);
                yield raw == null ? null : Base64.getEncoder().encodeToString(raw);
            }
            default -> rs.getString(i);
        };
        return rs.wasNull() ? null : value;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static void bind(PreparedStatement statement, int index, TdsParameter parameter) throws SQLException {
        Object value = parameter.value();
        String type = parameter.type().toLowerCase(Locale.ROOT);
        if (value == null) {
            statement.setNull(index, type.contains("binary") || type.equals("image") ? Types.VARBINARY : Types.NVARCHAR);
            return;
        }
        switch (type) {
            case "nvarchar", "nchar", "ntext", "xml" -> statement.setNString(index, value.toString());
            case "bit" -> statement.setBoolean(index, value instanceof Boolean b ? b
                    : value instanceof Number n ? n.doubleValue() != 0 : Boolean.parseBoolean(value.toString()));
            case "tinyint", "smallint", "int", "bigint", "float", "real", "decimal", "numeric", "money",
                 "smallmoney" -> bindNumber(statement, index, value);
            case "date" -> statement.setObject(index, LocalDate.parse(value.toString()));
            case "time" -> statement.setObject(index, LocalTime.parse(value.toString()));
            case "datetime", "smalldatetime", "datetime2" ->
                    statement.setObject(index, LocalDateTime.parse(value.toString()));
            case "datetimeoffset" -> statement.setObject(index, OffsetDateTime.parse(value.toString()));
            case "varbinary", "binary", "image" ->
                    statement.setBytes(index, Base64.getDecoder().decode(value.toString()));
            default -> statement.setString(index, value.toString());
        }
    }

    private static void bindNumber(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Number number) {
            statement.setBigDecimal(index, new BigDecimal(number.toString()));
        } else {
            statement.setString(index, value.toString());
        }
    }
}
