package dev.sluice.sandbox.modules;

import java.util.List;

/**
 * What one request produced, statement by statement, for the facade to turn into tedious's {@code columnMetadata},
 * {@code row}, {@code doneInProc} events and the callback's {@code rowCount}.
 *
 * @param statements one entry per result set or update count, in order
 */
public record TdsResult(List<Statement> statements) {

    public TdsResult {
        statements = List.copyOf(statements);
    }

    /**
     * One statement's outcome.
     *
     * @param columns the columns of its result set; empty for a statement without one
     * @param rows the rows, each value a string, number, boolean or null (see {@link Column#type})
     * @param rowCount rows returned or affected; -1 when the server reported no count
     */
    public record Statement(List<Column> columns, List<List<Object>> rows, long rowCount) {
    }

    /**
     * A column of a result set.
     *
     * @param name the column's name ({@code metadata.colName})
     * @param type the SQL Server type name in lower case ({@code int}, {@code nvarchar}, {@code datetime}, ...);
     *             date and time values arrive as ISO-8601 text, binary ones as base64, {@code bigint} as text
     */
    public record Column(String name, String type) {
    }
}
