package dev.sluice.sandbox.modules;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.postgresql.jdbc.PgResultSet;

/**
 * Runs one node-postgres query and describes the outcome as the server sent it, for the facade to parse as
 * pg-types does: {@code {command, rowCount, oid, fields: [{name, dataTypeID, format}], rows: [[text|null]]}}.
 * Without values the text goes as a simple query (several statements allowed, one description each); with
 * values it is a prepared statement.
 */
final class PgResults {

    /** Commands whose tag carries a row count; for the others node-postgres reports {@code rowCount: null}. */
    private static final Set<String> COUNTED = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "COPY",
            "MOVE", "FETCH");
    private static final Set<String> MAIN_STATEMENTS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE",
            "VALUES", "TABLE");

    private PgResults() {
    }

    /**
     * Executes {@code sql} with {@code values} (a JSON array of null, strings and {@code {"bytes": base64}}), or as a
     * simple query when {@code values} is null. Blocking. Returns one description, or a list for several statements.
     */
    static Object execute(Connection connection, String sql, JsonNode values, long maxBytes) throws SQLException {
        if (values == null) {
            try (Statement statement = connection.createStatement()) {
                statement.setEscapeProcessing(false);
                List<Map<String, Object>> results = new ArrayList<>();
                boolean rows = statement.execute(sql);
                List<String> commands = commands(sql);
                Budget budget = new Budget(maxBytes);
                do {
                    String command = results.size() < commands.size() ? commands.get(results.size()) : "";
                    results.add(describe(statement, rows, command, budget));
                    rows = statement.getMoreResults();
                } while (rows || statement.getUpdateCount() != -1);
                return results.size() == 1 ? results.getFirst() : results;
            }
        }
        PgSql parsed = PgSql.parse(sql);
        parsed.check(values.size());
        try (PreparedStatement statement = connection.prepareStatement(parsed.jdbcSql())) {
            for (int i = 0; i < parsed.order().size(); i++) {
                bind(statement, i + 1, values.get(parsed.order().get(i) - 1));
            }
            boolean rows = statement.execute();
            return describe(statement, rows, command(sql), new Budget(maxBytes));
        }
    }

    private static void bind(PreparedStatement statement, int index, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            statement.setNull(index, Types.OTHER);
        } else if (value.isObject() && value.has("bytes")) {
            statement.setBytes(index, Base64.getDecoder().decode(value.get("bytes").asText()));
        } else {
            // With stringtype=unspecified the server infers the type, as for node-postgres's untyped text values.
            statement.setString(index, value.asText());
        }
    }

    private static Map<String, Object> describe(Statement statement, boolean hasRows, String command, Budget budget)
            throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("command", command);
        if (hasRows) {
            try (ResultSet resultSet = statement.getResultSet()) {
                List<Map<String, Object>> fields = fields(resultSet);
                List<List<String>> rows = rows(resultSet, fields.size(), budget);
                out.put("rowCount", rows.size());
                out.put("fields", fields);
                out.put("rows", rows);
            }
        } else {
            long count = statement.getLargeUpdateCount();
            out.put("rowCount", COUNTED.contains(command) ? Math.max(0, count) : null);
            out.put("fields", List.of());
            out.put("rows", List.of());
        }
        out.put("oid", "INSERT".equals(command) ? 0 : null);
        return out;
    }

    private static List<Map<String, Object>> fields(ResultSet resultSet) throws SQLException {
        ResultSetMetaData meta = resultSet.getMetaData();
        PgResultSet pg = resultSet.unwrap(PgResultSet.class);
        List<Map<String, Object>> fields = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", meta.getColumnLabel(i));
            field.put("dataTypeID", pg.getColumnOID(i));
            field.put("format", "text");
            fields.add(field);
        }
        return fields;
    }

    private static List<List<String>> rows(ResultSet resultSet, int columns, Budget budget) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        while (resultSet.next()) {
            List<String> row = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                // binaryTransfer=false: every value is the server's text form, which getString returns as is.
                String text = resultSet.getString(i);
                budget.spend(text == null ? 4 : text.length() * 2L + 8);
                row.add(text);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The command tag node-postgres reports, from the statement's leading keyword (the main one after WITH). */
    static String command(String sql) {
        List<String> words = topLevelWords(sql);
        if (words.isEmpty()) {
            return "";
        }
        String first = words.getFirst();
        if ("WITH".equals(first)) {
            return words.stream().filter(MAIN_STATEMENTS::contains).findFirst().map(PgResults::tag).orElse("SELECT");
        }
        return tag(first);
    }

    private static List<String> commands(String sql) {
        List<String> commands = new ArrayList<>();
        for (String statement : PgSql.splitStatements(sql)) {
            String command = command(statement);
            if (!command.isEmpty()) {
                commands.add(command);
            }
        }
        return commands;
    }

    private static String tag(String keyword) {
        return "VALUES".equals(keyword) || "TABLE".equals(keyword) ? "SELECT" : keyword;
    }

    private static List<String> topLevelWords(String sql) {
        List<String> words = new ArrayList<>();
        String stripped = PgSql.blankQuoted(sql);
        int depth = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= stripped.length(); i++) {
            char c = i < stripped.length() ? stripped.charAt(i) : ' ';
            if ((Character.isLetterOrDigit(c) || c == '_') && depth == 0) {
                word.append(c);
                continue;
            }
            if (!word.isEmpty()) {
                words.add(word.toString().toUpperCase(Locale.ROOT));
                word.setLength(0);
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return words;
    }

    /** What one query may still add to its result before it fails instead of filling the heap. */
    private static final class Budget {
        private final long max;
        private long used;

        Budget(long max) {
            this.max = max;
        }

        void spend(long bytes) {
            used += bytes;
            if (used > max) {
                throw ModuleError.withCode("ERR_RESULT_TOO_LARGE", "the result is larger than " + max + " bytes");
            }
        }
    }
}
