package dev.sluice.sandbox.modules;

import com.mongodb.ConnectionString;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describes the Java driver's exceptions with the fields the npm driver's errors carry ({@code code},
 * {@code codeName}, {@code writeErrors}, ...) plus a {@code kind} from which the facade picks the error class of
 * the requested major version ({@code MongoServerError} or {@code MongoError}, {@code MongoServerSelectionError},
 * {@code MongoBulkWriteError}, ...). Messages never contain the connection string.
 */
final class MongoErrors {

    private static final Pattern ADDRESS = Pattern.compile("address=([^,}\\s]+)");

    private MongoErrors() {
    }

    /** Parses a connection string, failing with a parse error that does not repeat it (it holds the password). */
    static ConnectionString parse(String url) {
        try {
            return new ConnectionString(url);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage()).replace(url, "<url>");
            throw new ModuleError(message, Map.of("kind", "parse"));
        }
    }

    /** The module error for anything an operation threw; a {@link ModuleError} is returned unchanged. */
    static RuntimeException translate(Exception error) {
        return switch (error) {
            case ModuleError moduleError -> moduleError;
            case MongoWriteException write -> server(write.getError().getCode(), write.getError().getMessage(),
                    Map.of("details", write.getError().getDetails().toJson()));
            case MongoBulkWriteException bulk -> bulk(bulk);
            case MongoSecurityException security -> security.getCause() instanceof MongoCommandException command
                    ? command(command) : new ModuleError(safe(security), Map.of("kind", "server"));
            case MongoCommandException command -> command(command);
            case MongoTimeoutException timeout -> selection(timeout);
            case MongoSocketException socket -> new ModuleError(safe(socket), Map.of("kind", "network"));
            case MongoException other when other.getCode() > 0 -> server(other.getCode(), safe(other), Map.of());
            default -> new ModuleError("internal error in the mongodb module: " + error.getClass().getSimpleName(),
                    Map.of("kind", "driver"));
        };
    }

    private static ModuleError command(MongoCommandException command) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("codeName", command.getErrorCodeName());
        return server(command.getErrorCode(), command.getErrorMessage(), fields);
    }

    private static ModuleError server(int code, String message, Map<String, Object> extra) {
        Map<String, Object> fields = new LinkedHashMap<>(extra);
        fields.put("kind", "server");
        fields.put("code", code);
        return new ModuleError(message, fields);
    }

    private static ModuleError bulk(MongoBulkWriteException bulk) {
        List<Map<String, Object>> writeErrors = new ArrayList<>();
        for (BulkWriteError error : bulk.getWriteErrors()) {
            writeErrors.add(Map.of("index", error.getIndex(), "code", error.getCode(), "errmsg", error.getMessage()));
        }
        BulkWriteError first = bulk.getWriteErrors().isEmpty() ? null : bulk.getWriteErrors().getFirst();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", "bulk");
        fields.put("code", first == null ? bulk.getCode() : first.getCode());
        fields.put("writeErrors", writeErrors);
        fields.put("insertedCount", bulk.getWriteResult().wasAcknowledged()
                ? bulk.getWriteResult().getInsertedCount() : 0);
        return new ModuleError(first == null ? safe(bulk) : first.getMessage(), fields);
    }

    /** Node reports why the last attempt failed ({@code connect ECONNREFUSED 127.0.0.1:1}); so do we. */
    private static ModuleError selection(MongoTimeoutException timeout) {
        String text = String.valueOf(timeout.getMessage());
        Matcher address = ADDRESS.matcher(text);
        String where = address.find() ? address.group(1) : "the server";
        String message;
        if (text.contains("Connection refused")) {
            message = "connect ECONNREFUSED " + where;
        } else if (text.contains("is not allowed by the sandbox policy")) {
            return new ModuleError("host of " + where + " is not allowed by the sandbox policy",
                    Map.of("kind", "selection", "code", OutboundRules.BLOCKED));
        } else if (text.contains("UnknownHostException")) {
            message = "getaddrinfo ENOTFOUND " + where;
        } else {
            message = "Server selection timed out; no server answered at " + where;
        }
        return new ModuleError(message, Map.of("kind", "selection"));
    }

    private static String safe(Exception error) {
        return String.valueOf(error.getMessage());
    }
}
