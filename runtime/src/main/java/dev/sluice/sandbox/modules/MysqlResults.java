package dev.sluice.sandbox.modules;

import com.mysql.cj.NativeSession;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcStatement;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.result.Field;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one SQL text over the text protocol and describes the outcome the way the server sent it, for the facade to
 * type-cast as mysqljs does: a result set as its column definitions plus each value's raw text (binary values in
 * hex), or an OK packet's counters and info message.
 */
final class MysqlResults {

    /** Larger results fail instead of filling the heap; scripts read a user or two. */
    static final long MAX_RESULT_BYTES = 32L * 1024 * 1024;
    private static final int BINARY_COLLATION = 63;
    private static final int TYPE_BIT = 16;
    private static final int FIRST_BLOB_TYPE = 249;

    private MysqlResults() {
    }

    /** Executes {@code sql} on {@code connection}. Blocking; at most {@code timeout} on the server. */
    static Map<String, Object> execute(Connection connection, String sql, Duration timeout) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
            if (statement.execute(sql)) {
                try (ResultSet rows = statement.getResultSet()) {
                    return rows(rows);
                }
            }
            return ok(connection, statement);
        }
    }

    private static Map<String, Object> rows(ResultSet resultSet) throws SQLException {
        Field[] fields = resultSet.getMetaData().unwrap(com.mysql.cj.jdbc.result.ResultSetMetaData.class).getFields();
        List<List<String>> rows = new ArrayList<>();
        long bytes = 0;
        while (resultSet.next()) {
            List<String> row = new ArrayList<>(fields.length);
            for (int i = 0; i < fields.length; i++) {
                byte[] raw = resultSet.getBytes(i + 1);
                bytes += raw == null ? 4 : raw.length * 2L + 8;
                row.add(raw == null ? null : isBinary(fields[i]) ? HexFormat.of().formatHex(raw)
                        : new String(raw, StandardCharsets.UTF_8));
            }
            if (bytes > MAX_RESULT_BYTES) {
                throw ModuleError.withCode("ERR_RESULT_TOO_LARGE",
                        "the result set is larger than " + MAX_RESULT_BYTES / (1024 * 1024) + " MB");
            }
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "rows");
        out.put("fields", describe(fields));
        out.put("rows", rows);
        return out;
    }

    private static boolean isBinary(Field field) {
        int type = field.getMysqlTypeId();
        return type == TYPE_BIT || type >= FIRST_BLOB_TYPE && field.getCollationIndex() == BINARY_COLLATION;
    }

    private static List<Map<String, Object>> describe(Field[] fields) {
        List<Map<String, Object>> out = new ArrayList<>(fields.length);
        for (Field field : fields) {
            Map<String, Object> packet = new LinkedHashMap<>();
            packet.put("catalog", "def");
            packet.put("db", field.getDatabaseName());
            packet.put("table", field.getTableName());
            packet.put("orgTable", field.getOriginalTableName());
            packet.put("name", field.getColumnLabel());
            packet.put("orgName", field.getOriginalName());
            packet.put("charsetNr", field.getCollationIndex());
            packet.put("length", field.getLength());
            packet.put("type", field.getMysqlTypeId());
            packet.put("flags", field.getFlags() & 0xffff);
            packet.put("decimals", field.getDecimals());
            packet.put("zeroFill", field.isZeroFill());
            packet.put("binary", isBinary(field));
            out.add(packet);
        }
        return out;
    }

    private static Map<String, Object> ok(Connection connection, Statement statement) throws SQLException {
        Resultset packet = statement.unwrap(JdbcStatement.class).getResultSetInternal();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "ok");
        out.put("affectedRows", packet == null ? Math.max(0, statement.getUpdateCount()) : packet.getUpdateCount());
        out.put("insertId", packet == null ? 0 : packet.getUpdateID());
        out.put("info", packet == null || packet.getServerInfo() == null ? "" : packet.getServerInfo());
        NativeSession session = (NativeSession) connection.unwrap(JdbcConnection.class).getSession();
        out.put("serverStatus", session.getServerSession().getStatusFlags());
        out.put("warningCount", session.getProtocol().getWarningCount());
        return out;
    }
}
