package dev.sluice.sandbox.modules;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns Connector/J failures into the errors mysqljs reports: {@code code} (the server's error name, or the Node
 * network code), {@code errno}, {@code sqlMessage}, {@code sqlState} and {@code fatal} (the connection is unusable).
 */
final class MysqlErrors {

    /** The server error names mysqljs reports for the errors scripts meet most; others read UNKNOWN_CODE_PLEASE_REPORT. */
    private static final Map<Integer, String> CODES = Map.ofEntries(
            Map.entry(1005, "ER_CANT_CREATE_TABLE"), Map.entry(1007, "ER_DB_CREATE_EXISTS"),
            Map.entry(1008, "ER_DB_DROP_EXISTS"), Map.entry(1040, "ER_CON_COUNT_ERROR"),
            Map.entry(1044, "ER_DBACCESS_DENIED_ERROR"), Map.entry(1045, "ER_ACCESS_DENIED_ERROR"),
            Map.entry(1046, "ER_NO_DB_ERROR"), Map.entry(1048, "ER_BAD_NULL_ERROR"),
            Map.entry(1049, "ER_BAD_DB_ERROR"), Map.entry(1050, "ER_TABLE_EXISTS_ERROR"),
            Map.entry(1051, "ER_BAD_TABLE_ERROR"), Map.entry(1052, "ER_NON_UNIQ_ERROR"),
            Map.entry(1054, "ER_BAD_FIELD_ERROR"), Map.entry(1060, "ER_DUP_FIELDNAME"),
            Map.entry(1062, "ER_DUP_ENTRY"), Map.entry(1064, "ER_PARSE_ERROR"),
            Map.entry(1065, "ER_EMPTY_QUERY"), Map.entry(1071, "ER_TOO_LONG_KEY"),
            Map.entry(1136, "ER_WRONG_VALUE_COUNT_ON_ROW"), Map.entry(1142, "ER_TABLEACCESS_DENIED_ERROR"),
            Map.entry(1146, "ER_NO_SUCH_TABLE"), Map.entry(1149, "ER_SYNTAX_ERROR"),
            Map.entry(1203, "ER_TOO_MANY_USER_CONNECTIONS"), Map.entry(1205, "ER_LOCK_WAIT_TIMEOUT"),
            Map.entry(1213, "ER_LOCK_DEADLOCK"), Map.entry(1216, "ER_NO_REFERENCED_ROW"),
            Map.entry(1217, "ER_ROW_IS_REFERENCED"), Map.entry(1227, "ER_SPECIFIC_ACCESS_DENIED_ERROR"),
            Map.entry(1251, "ER_NOT_SUPPORTED_AUTH_MODE"), Map.entry(1264, "ER_WARN_DATA_OUT_OF_RANGE"),
            Map.entry(1292, "ER_TRUNCATED_WRONG_VALUE"), Map.entry(1317, "ER_QUERY_INTERRUPTED"),
            Map.entry(1364, "ER_NO_DEFAULT_FOR_FIELD"), Map.entry(1366, "ER_TRUNCATED_WRONG_VALUE_FOR_FIELD"),
            Map.entry(1406, "ER_DATA_TOO_LONG"), Map.entry(1451, "ER_ROW_IS_REFERENCED_2"),
            Map.entry(1452, "ER_NO_REFERENCED_ROW_2"), Map.entry(1690, "ER_DATA_OUT_OF_RANGE"),
            Map.entry(1698, "ER_ACCESS_DENIED_NO_PASSWORD_ERROR"), Map.entry(3024, "ER_QUERY_TIMEOUT"));

    /** Linux errno values Node reports (negated) for network failures. */
    private static final Map<String, Integer> NETWORK_ERRNO = Map.of(
            "ECONNREFUSED", -111, "ETIMEDOUT", -110, "EHOSTUNREACH", -113, "ENOTFOUND", -3008);

    private MysqlErrors() {
    }

    /** The error of a failed connect to {@code config}: always fatal. */
    static ModuleError connect(Throwable failure, MysqlConfig config) {
        Optional<ModuleError> network = network(failure, config);
        if (network.isPresent()) {
            return network.get();
        }
        return failure instanceof SQLException sql && sql.getErrorCode() > 0
                ? server(sql, true) : unexpected(failure, true);
    }

    /** The error of a failed query; fatal when the connection was lost (the session closes it). */
    static ModuleError query(Throwable failure) {
        if (failure instanceof SQLTimeoutException) {
            return new ModuleError("Query inactivity timeout", Map.of("code", "PROTOCOL_SEQUENCE_TIMEOUT",
                    "fatal", true));
        }
        if (failure instanceof SQLException sql && sql.getErrorCode() > 0) {
            return server(sql, false);
        }
        if (isLost(failure)) {
            return new ModuleError("Connection lost: The server closed the connection.",
                    Map.of("code", "PROTOCOL_CONNECTION_LOST", "fatal", true));
        }
        return unexpected(failure, false);
    }

    /** Whether a query that failed with {@code failure} left its connection unusable. */
    static boolean isFatal(Throwable failure) {
        return failure instanceof SQLTimeoutException
                || !(failure instanceof SQLException sql && sql.getErrorCode() > 0) && isLost(failure);
    }

    private static ModuleError server(SQLException sql, boolean fatal) {
        String code = CODES.getOrDefault(sql.getErrorCode(), "UNKNOWN_CODE_PLEASE_REPORT");
        String message = String.valueOf(sql.getMessage());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("errno", sql.getErrorCode());
        fields.put("sqlMessage", message);
        fields.put("sqlState", sql.getSQLState() == null ? "HY000" : sql.getSQLState());
        fields.put("fatal", fatal);
        return new ModuleError(code + ": " + message, fields);
    }

    private static Optional<ModuleError> network(Throwable failure, MysqlConfig config) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String address = config.host() + ":" + config.port();
            if (cause instanceof ConnectException) {
                return Optional.of(networkError("ECONNREFUSED", "connect ECONNREFUSED " + address, config));
            }
            if (cause instanceof NoRouteToHostException) {
                return Optional.of(networkError("EHOSTUNREACH", "connect EHOSTUNREACH " + address, config));
            }
            if (cause instanceof SocketTimeoutException) {
                return Optional.of(networkError("ETIMEDOUT", "connect ETIMEDOUT", config));
            }
            if (cause instanceof UnknownHostException) {
                return Optional.of(networkError("ENOTFOUND", "getaddrinfo ENOTFOUND " + config.host(), config));
            }
        }
        return Optional.empty();
    }

    private static ModuleError networkError(String code, String message, MysqlConfig config) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("errno", NETWORK_ERRNO.get(code));
        fields.put("syscall", "ENOTFOUND".equals(code) ? "getaddrinfo" : "connect");
        fields.put("address", config.host());
        fields.put("port", config.port());
        fields.put("fatal", true);
        return new ModuleError(message, fields);
    }

    private static boolean isLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException
                    || cause instanceof com.mysql.cj.jdbc.exceptions.CommunicationsException) {
                return true;
            }
        }
        return failure instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith("08");
    }

    private static ModuleError unexpected(Throwable failure, boolean fatal) {
        String message = failure instanceof SQLException sql ? String.valueOf(sql.getMessage())
                : "internal error in module mysql";
        return new ModuleError(message, Map.of("code", "PROTOCOL_ERROR", "fatal", fatal));
    }
}
