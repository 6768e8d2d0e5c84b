package dev.sluice.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where failures become responses. An {@link ApiException} or a plain HTTP status (no route 404,
 * wrong method 405, oversize body 413, ...) answers in the shape of the API the path belongs to:
 * {@code {statusCode, error, message, errorCode}} under {@code /api/v2}, {@code {name, code, description, message,
 * statusCode}} under {@code /dbconnections/}, {@code {error, error_description}} elsewhere (the Authentication
 * API). Anything else is a bug: logged once with its stack and answered with a bare
 * 500 that reveals nothing.
 */
final class FailureHandler implements Handler<RoutingContext> {

    /** The body of every unmapped failure. */
    static final String INTERNAL_ERROR =
            "{\"statusCode\":500,\"error\":\"Internal Server Error\",\"message\":\"internal error\"}";

    private static final Logger LOG = Logger.getLogger(FailureHandler.class.getName());
    private static final String MANAGEMENT_PREFIX = "/api/v2";
    private static final String DBCONNECTIONS_PREFIX = "/dbconnections/";

    private final int maxBodyBytes;

    FailureHandler(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(RoutingContext context) {
        Optional<ApiException> refusal = refusal(context);
        if (context.response().headWritten()) {
            LOG.log(Level.WARNING, "failure after the response started: " + describe(context), context.failure());
            context.response().reset();
            return;
        }
        if (refusal.isEmpty()) {
            LOG.log(Level.SEVERE, "internal error on " + describe(context), context.failure());
            JsonReply.send(context, 500, INTERNAL_ERROR);
            return;
        }
        ApiException e = refusal.get();
        JsonReply.send(context, e.statusCode(), isManagementApi(context) ? management(e)
                : isSignup(context) ? signup(e) : authentication(e));
    }

    private Optional<ApiException> refusal(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof ApiException e) {
            return Optional.of(e);
        }
        if (failure instanceof HttpException e) {
            return forStatus(e.getStatusCode());
        }
        return failure == null ? forStatus(context.statusCode()) : Optional.empty();
    }

    private Optional<ApiException> forStatus(int status) {
        return switch (status) {
            case 400 -> Optional.of(ApiException.invalidRequest("The request is malformed."));
            case 404 -> Optional.of(new ApiException(404, "not_found", "Not Found"));
            case 405 -> Optional.of(new ApiException(405, "method_not_allowed", "Method Not Allowed"));
            case 413 -> Optional.of(new ApiException(413, "request_entity_too_large",
                    "The request body exceeds the limit of " + maxBodyBytes + " bytes."));
            case 415 -> Optional.of(new ApiException(415, "unsupported_media_type", "Unsupported Media Type"));
            default -> status >= 400 && status < 500
                    ? Optional.of(new ApiException(status, snakeCase(reasonPhrase(status)), reasonPhrase(status)))
                    : Optional.empty();
        };
    }

    private static boolean isManagementApi(RoutingContext context) {
        String path = context.normalizedPath();
        return path.equals(MANAGEMENT_PREFIX) || path.startsWith(MANAGEMENT_PREFIX + "/");
    }

    private static boolean isSignup(RoutingContext context) {
        return context.normalizedPath().startsWith(DBCONNECTIONS_PREFIX);
    }

    /**
     * The {@code /dbconnections} shape: {@code {name, code, description, message, statusCode}}; {@code name} is
     * {@code PasswordStrengthError} for {@code invalid_password}, else the reason phrase as {@code BadRequestError},
     * {@code UnauthorizedError}, ...
     */
    private static JsonObject signup(ApiException e) {
        String name = e.errorCode().equals("invalid_password") ? "PasswordStrengthError"
                : reasonPhrase(e.statusCode()).replaceAll("[^A-Za-z]", "") + "Error";
        return new JsonObject()
                .put("name", name)
                .put("code", e.errorCode())
                .put("description", e.getMessage())
                .put("message", e.getMessage())
                .put("statusCode", e.statusCode());
    }

    private static JsonObject management(ApiException e) {
        return new JsonObject()
                .put("statusCode", e.statusCode())
                .put("error", reasonPhrase(e.statusCode()))
                .put("message", e.getMessage())
                .put("errorCode", e.errorCode());
    }

    private static JsonObject authentication(ApiException e) {
        return new JsonObject().put("error", e.errorCode()).put("error_description", e.getMessage());
    }

    private static String reasonPhrase(int status) {
        return HttpResponseStatus.valueOf(status).reasonPhrase();
    }

    private static String snakeCase(String phrase) {
        return phrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    private static String describe(RoutingContext context) {
        return context.request().method() + " " + context.normalizedPath();
    }
}
