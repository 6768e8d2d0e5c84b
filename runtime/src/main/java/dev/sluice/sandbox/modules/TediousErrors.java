package dev.sluice.sandbox.modules;

import com.microsoft.sqlserver.jdbc.SQLServerError;
import com.microsoft.sqlserver.jdbc.SQLServerException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns mssql-jdbc failures into the errors tedious reports: {@code ConnectionError} codes {@code ELOGIN},
 * {@code ESOCKET}, {@code ETIMEOUT} when opening, and {@code RequestError} code {@code EREQUEST} with the server's
 * {@code number}, {@code state}, {@code class}, {@code lineNumber}, {@code serverName}, {@code procName} for a
 * request. The facade builds the error objects; {@code errorType} tells it which.
 */
final class TediousErrors {

    /** Server error numbers that mean the login (or its default database) was refused. */
    private static final java.util.Set<Integer> LOGIN_ERRORS = java.util.Set.of(18456, 18486, 18487, 18488, 4060,
            4064, 40532, 40615);

    private TediousErrors() {
    }

    /** The error of a failed open of {@code config}. */
    static ModuleError connect(Throwable failure, SqlServerConfig config) {
        if (failure instanceof ModuleError error) {
            return error;
        }
        String where = config.server() + ":" + config.port();
        Optional<SQLServerError> server = serverError(failure);
        if (server.isPresent() && LOGIN_ERRORS.contains(server.get().getErrorNumber())) {
            return connection("ELOGIN", server.get().getErrorMessage());
        }
        if (causedBy(failure, SocketTimeoutException.class) || failure instanceof SQLTimeoutException) {
            return connection("ETIMEOUT", "Failed to connect to " + where + " in "
                    + config.connectTimeout().toMillis() + "ms");
        }
        return connection("ESOCKET", "Failed to connect to " + where + " - " + message(failure));
    }

    /** The error of a failed request; {@code ESOCKET} when the session was lost. */
    static ModuleError request(Throwable failure, SqlServerConfig config) {
        if (failure instanceof ModuleError error) {
            return error;
        }
        if (failure instanceof SQLTimeoutException
                || failure instanceof SQLException sql && "HY008".equals(sql.getSQLState())) {
            return requestError("ETIMEOUT", "Timeout: Request failed to complete in "
                    + config.requestTimeout().toMillis() + "ms", Map.of());
        }
        Optional<SQLServerError> server = serverError(failure);
        if (server.isPresent() && server.get().getErrorNumber() > 0) {
            SQLServerError error = server.get();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("number", error.getErrorNumber());
            fields.put("state", error.getErrorState());
            fields.put("class", error.getErrorSeverity());
            fields.put("serverName", String.valueOf(error.getServerName()));
            fields.put("procName", error.getProcedureName() == null ? "" : error.getProcedureName());
            fields.put("lineNumber", error.getLineNumber());
            return requestError("EREQUEST", error.getErrorMessage(), fields);
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            return requestError("ESOCKET", "Connection lost - " + message(failure), Map.of("fatal", true));
        }
        return requestError("EREQUEST", message(failure), Map.of());
    }

    private static ModuleError connection(String code, String message) {
        return new ModuleError(message, Map.of("code", code, "errorType", "ConnectionError"));
    }

    private static ModuleError requestError(String code, String message, Map<String, Object> extra) {
        Map<String, Object> fields = new LinkedHashMap<>(extra);
        fields.put("code", code);
        fields.put("errorType", "RequestError");
        return new ModuleError(message, fields);
    }

    private static Optional<SQLServerError> serverError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLServerException sql && sql.getSQLServerError() != null) {
                return Optional.of(sql.getSQLServerError());
            }
        }
        return Optional.empty();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable failure) {
        return failure instanceof SQLException sql ? String.valueOf(sql.getMessage()) : "internal error in module tedious";
    }
}
