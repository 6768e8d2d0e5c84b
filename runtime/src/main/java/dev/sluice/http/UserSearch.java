package dev.sluice.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The subset of the platform's Lucene-style {@code q} that {@code GET /api/v2/users} understands: terms
 * {@code email:"a@b.c"} and {@code identities.connection:"name"} (quoted, with {@code \"} and {@code \\} escapes, or
 * bare without spaces), each at most once, joined with {@code " AND "}. Anything else is refused with 400
 * {@code invalid_query_string} naming what is not supported.
 *
 * @param connection the {@code identities.connection} term
 * @param email      the {@code email} term
 */
record UserSearch(Optional<String> connection, Optional<String> email) {

    static final String EMAIL = "email";
    static final String CONNECTION = "identities.connection";
    private static final String AND = " AND ";
    private static final int MAX_LENGTH = 2048;
    private static final int MAX_SHOWN = 80;

    /**
     * The terms of {@code q}; no terms for an empty or blank {@code q}.
     *
     * @throws ApiException 400 {@code invalid_query_string} for anything outside the subset
     */
    static UserSearch parse(String q) {
        if (q.isBlank()) {
            return new UserSearch(Optional.empty(), Optional.empty());
        }
        if (q.length() > MAX_LENGTH) {
            throw refused("q is longer than " + MAX_LENGTH + " characters");
        }
        Map<String, String> terms = new LinkedHashMap<>();
        int at = 0;
        while (true) {
            at = term(q, at, terms);
            if (at == q.length()) {
                return new UserSearch(Optional.ofNullable(terms.get(CONNECTION)),
                        Optional.ofNullable(terms.get(EMAIL)));
            }
            if (!q.startsWith(AND, at)) {
                throw refused("only terms joined with ' AND ' are supported, found '" + shown(q.substring(at)) + "'");
            }
            at += AND.length();
        }
    }

    /** Reads one {@code field:value} term at {@code at} into {@code terms}; returns the index after it. */
    private static int term(String q, int at, Map<String, String> terms) {
        int colon = q.indexOf(':', at);
        if (colon < 0) {
            throw refused("'" + shown(q.substring(at)) + "' is not a field:value term");
        }
        String field = q.substring(at, colon);
        if (!field.equals(EMAIL) && !field.equals(CONNECTION)) {
            throw refused("the field '" + shown(field) + "' is not supported (only " + EMAIL + " and " + CONNECTION
                    + ")");
        }
        StringBuilder value = new StringBuilder();
        int end = q.startsWith("\"", colon + 1) ? quoted(q, colon + 2, value) : bare(q, colon + 1, value);
        if (value.isEmpty()) {
            throw refused("the value of " + field + " is empty");
        }
        if (terms.putIfAbsent(field, value.toString()) != null) {
            throw refused("the field " + field + " appears more than once");
        }
        return end;
    }

    private static int quoted(String q, int at, StringBuilder value) {
        for (int i = at; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 == q.length() || (q.charAt(i + 1) != '"' && q.charAt(i + 1) != '\\')) {
                    throw refused("only \\\" and \\\\ escapes are supported in a quoted value");
                }
                i++;
                c = q.charAt(i);
            }
            value.append(c);
        }
        throw refused("a quoted value is not closed");
    }

    private static int bare(String q, int at, StringBuilder value) {
        int i = at;
        while (i < q.length() && q.charAt(i) != ' ') {
            char c = q.charAt(i);
            if ("*?~()[]{}\"\\".indexOf(c) >= 0) {
                throw refused("wildcards, ranges, groups and fuzzy terms are not supported, found '" + c + "'");
            }
            value.append(c);
            i++;
        }
        return i;
    }

    private static String shown(String text) {
        String printable = text.codePoints().filter(c -> c >= 0x20 && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > MAX_SHOWN ? printable.substring(0, MAX_SHOWN) + "..." : printable;
    }

    private static ApiException refused(String why) {
        return new ApiException(400, "invalid_query_string", "Query validation error: unsupported q: " + why
                + ". Supported: email:\"...\" and identities.connection:\"...\", joined with AND");
    }
}
