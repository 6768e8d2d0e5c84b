package dev.sluice.sandbox.modules;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns pgjdbc failures into the errors node-postgres reports: a server error becomes a {@code DatabaseError}
 * ({@code name} 'error', {@code code} the SQLSTATE, {@code severity}, {@code detail}, {@code hint},
 * {@code position}, {@code schema}, {@code table}, {@code column}, {@code dataType}, {@code constraint}, ...); a
 * network failure becomes Node's socket error ({@code code} 'ECONNREFUSED', {@code errno}, {@code syscall},
 * {@code address}, {@code port}).
 */
final class PgErrors {

    private static final Map<String, Integer> NETWORK_ERRNO = Map.of(
            "ECONNREFUSED", -111, "EHOSTUNREACH", -113, "ENOTFOUND", -3008);

    private PgErrors() {
    }

    /** The error of a failed connect to {@code config}. */
    static ModuleError connect(Throwable failure, PgConfig config) {
        if (failure instanceof ModuleError moduleError) {
            return moduleError;
        }
        return server(failure).or(() -> network(failure, config)).orElseGet(() -> unexpected(failure));
    }

    /** The error of a failed query. */
    static ModuleError query(Throwable failure) {
        if (failure instanceof ModuleError moduleError) {
            return moduleError;
        }
        return server(failure).orElseGet(() -> isLost(failure)
                ? ModuleError.withCode("ECONNRESET", "Connection terminated unexpectedly")
                : unexpected(failure));
    }

    /** Whether a query that failed with {@code failure} left its connection unusable. */
    static boolean isFatal(Throwable failure) {
        return server(failure).isEmpty() && isLost(failure);
    }

    private static Optional<ModuleError> server(Throwable failure) {
        if (!(failure instanceof PSQLException psql) || psql.getServerErrorMessage() == null) {
            return Optional.empty();
        }
        ServerErrorMessage server = psql.getServerErrorMessage();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "error");
        put(fields, "severity", server.getSeverity());
        put(fields, "code", server.getSQLState());
        put(fields, "detail", server.getDetail());
        put(fields, "hint", server.getHint());
        if (server.getPosition() > 0) {
            fields.put("position", Integer.toString(server.getPosition()));
        }
        if (server.getInternalPosition() > 0) {
            fields.put("internalPosition", Integer.toString(server.getInternalPosition()));
        }
        put(fields, "internalQuery", server.getInternalQuery());
        put(fields, "where", server.getWhere());
        put(fields, "schema", server.getSchema());
        put(fields, "table", server.getTable());
        put(fields, "column", server.getColumn());
        put(fields, "dataType", server.getDatatype());
        put(fields, "constraint", server.getConstraint());
        put(fields, "file", server.getFile());
        if (server.getLine() > 0) {
            fields.put("line", Integer.toString(server.getLine()));
        }
        put(fields, "routine", server.getRoutine());
        return Optional.of(new ModuleError(String.valueOf(server.getMessage()), fields));
    }

    private static void put(Map<String, Object> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    private static Optional<ModuleError> network(Throwable failure, PgConfig config) {
        String address = config.host() + ":" + config.port();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return Optional.of(networkError("ECONNREFUSED", "connect ECONNREFUSED " + address, config));
            }
            if (cause instanceof NoRouteToHostException) {
                return Optional.of(networkError("EHOSTUNREACH", "connect EHOSTUNREACH " + address, config));
            }
            if (cause instanceof UnknownHostException) {
                return Optional.of(networkError("ENOTFOUND", "getaddrinfo ENOTFOUND " + config.host(), config));
            }
            if (cause instanceof SocketTimeoutException) {
                return Optional.of(ModuleError.withCode("ETIMEDOUT",
                        "Connection terminated due to connection timeout"));
            }
        }
        return Optional.empty();
    }

    private static ModuleError networkError(String code, String message, PgConfig config) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("errno", NETWORK_ERRNO.get(code));
        fields.put("syscall", "ENOTFOUND".equals(code) ? "getaddrinfo" : "connect");
        fields.put("address", config.host());
        fields.put("port", config.port());
        return new ModuleError(message, fields);
    }

    private static boolean isLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException) {
                return true;
            }
        }
        return failure instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith("08");
    }

    private static ModuleError unexpected(Throwable failure) {
        String message = failure instanceof SQLException sql ? String.valueOf(sql.getMessage())
                : "internal error in module pg";
        return new ModuleError(message, Map.of());
    }
}
