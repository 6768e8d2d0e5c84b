package dev.sluice.sandbox.modules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node-postgres query text ({@code $1..$n} placeholders) rewritten for a JDBC {@code PreparedStatement}: each
 * {@code $n} outside literals, quoted identifiers and comments becomes {@code ?}, and a literal {@code ?} there
 * becomes pgjdbc's escaped {@code ??}. A placeholder may repeat and appear in any order; {@link #order} says which
 * value each {@code ?} takes.
 *
 * @param jdbcSql the rewritten text
 * @param order for each {@code ?} in turn, the 1-based index of the value it binds
 * @param parameterCount the highest {@code $n}: how many values the statement needs, as the server counts them
 */
record PgSql(String jdbcSql, List<Integer> order, int parameterCount) {

    PgSql {
        order = List.copyOf(order);
    }

    /** Rewrites {@code sql}; never fails (an unterminated literal simply runs to the end, as the server sees it). */
    static PgSql parse(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 8);
        List<Integer> order = new ArrayList<>();
        int max = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end = skipQuoted(sql, i);
            if (end > i) {
                out.append(sql, i, end);
                i = end;
            } else if (c == '$' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))
                    && !identifierChar(sql, i - 1)) {
                int digits = i + 1;
                while (digits < sql.length() && Character.isDigit(sql.charAt(digits))) {
                    digits++;
                }
                int index = parseIndex(sql.substring(i + 1, digits));
                order.add(index);
                max = Math.max(max, index);
                out.append('?');
                i = digits;
            } else {
                out.append(c == '?' ? "??" : String.valueOf(c));
                i++;
            }
        }
        return new PgSql(out.toString(), order, max);
    }

    /** Fails as the server does when {@code supplied} values do not match what the statement needs. */
    void check(int supplied) {
        if (supplied != parameterCount) {
            throw new ModuleError("bind message supplies " + supplied + " parameters, but prepared statement \"\""
                    + " requires " + parameterCount, Map.of("name", "error", "severity", "ERROR", "code", "08P01"));
        }
    }

    /** {@code sql} with every literal, quoted identifier and comment replaced by spaces of the same length. */
    static String blankQuoted(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            int end = skipQuoted(sql, i);
            if (end > i) {
                out.append(" ".repeat(end - i));
                i = end;
            } else {
                out.append(sql.charAt(i++));
            }
        }
        return out.toString();
    }

    /** The statements of a simple query, split at the semicolons outside literals and comments. */
    static List<String> splitStatements(String sql) {
        String blanked = blankQuoted(sql);
        List<String> statements = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= blanked.length(); i++) {
            if (i == blanked.length() || blanked.charAt(i) == ';') {
                statements.add(sql.substring(start, i));
                start = i + 1;
            }
        }
        return statements;
    }

    private static int parseIndex(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw ModuleError.withCode("42P02", "there is no parameter $" + digits);
        }
    }

    /** The end of the literal, quoted identifier or comment starting at {@code i}, or {@code i} when none does. */
    private static int skipQuoted(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '\'') {
            boolean backslashes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                    && !identifierChar(sql, i - 2);
            return closing(sql, i + 1, '\'', backslashes);
        }
        if (c == '"') {
            return closing(sql, i + 1, '"', false);
        }
        if (sql.startsWith("--", i)) {
            int eol = sql.indexOf('\n', i);
            return eol < 0 ? sql.length() : eol + 1;
        }
        if (sql.startsWith("/*", i)) {
            return blockCommentEnd(sql, i);
        }
        if (c == '$' && !identifierChar(sql, i - 1)) {
            return dollarQuoteEnd(sql, i);
        }
        return i;
    }

    private static int closing(String sql, int from, char quote, boolean backslashes) {
        int j = from;
        while (j < sql.length()) {
            char c = sql.charAt(j);
            if (backslashes && c == '\\') {
                j += 2;
            } else if (c == quote) {
                if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return sql.length();
    }

    private static int blockCommentEnd(String sql, int start) {
        int depth = 0;
        int j = start;
        while (j < sql.length()) {
            if (sql.startsWith("/*", j)) {
                depth++;
                j += 2;
            } else if (sql.startsWith("*/", j)) {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return sql.length();
    }

    /** {@code $$...$$} or {@code $tag$...$tag$}; a {@code $} that opens no such quote is left to the caller. */
    private static int dollarQuoteEnd(String sql, int start) {
        int j = start + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j >= sql.length() || sql.charAt(j) != '$' || (j > start + 1 && Character.isDigit(sql.charAt(start + 1)))) {
            return start;
        }
        String tag = sql.substring(start, j + 1);
        int close = sql.indexOf(tag, j + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }

    private static boolean identifierChar(String sql, int index) {
        if (index < 0) {
            return false;
        }
        char c = sql.charAt(index);
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
