package dev.sluice.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.client.ClientStore;
import dev.sluice.connection.Connection;
import dev.sluice.migration.SignupRequest;
import dev.sluice.migration.SignupResult;
import dev.sluice.migration.Signups;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code POST /dbconnections/signup} (docs/http.md, docs/migration.md), JSON or form-encoded: {@code client_id},
 * {@code email}, {@code password}, {@code connection}, optional {@code username}, {@code given_name},
 * {@code family_name}, {@code name}, {@code nickname}, {@code picture} (strings) and {@code user_metadata} (a JSON
 * object; JSON bodies only). Other fields are ignored. The signup, with its scripts, runs on unordered worker
 * threads. Refusals are {@link ApiException}s that {@link FailureHandler} answers in the signup shape
 * {@code {name, code, description, message, statusCode}}. The password is never logged nor echoed.
 */
final class SignupEndpoint implements Handler<RoutingContext> {

    static final String PATH = "/dbconnections/signup";
    private static final Logger LOG = Logger.getLogger(SignupEndpoint.class.getName());
    private static final List<String> REQUIRED = List.of("client_id", "email", "password", "connection");
    private static final List<String> OPTIONAL_TEXT = List.of("username", "given_name", "family_name", "name",
            "nickname", "picture");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final int MAX_FIELD = 300;

    private final ClientStore clients;
    private final Signups signups;

    SignupEndpoint(ClientStore clients, Signups signups) {
        this.clients = clients;
        this.signups = signups;
    }

    @Override
    public void handle(RoutingContext context) {
        ObjectNode body = body(context);
        for (String field : REQUIRED) {
            text(body, field).orElseThrow(() -> invalidRequest("Missing required parameter: " + field));
        }
        String email = text(body, "email").orElseThrow();
        if (!EMAIL.matcher(email).matches()) {
            throw new ApiException(400, "invalid_signup", "The email is not valid.");
        }
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        for (String field : SignupRequest.PROFILE_FIELDS) {
            if (body.hasNonNull(field)) {
                attributes.set(field, body.get(field));
            }
        }
        SignupRequest request = new SignupRequest(text(body, "client_id").orElseThrow(), email,
                text(body, "password").orElseThrow(), text(body, "username"), attributes);
        String connectionName = text(body, "connection").orElseThrow();
        context.vertx().executeBlocking(() -> signup(connectionName, request), false)
                .onSuccess(answer -> JsonReply.send(context, 200, answer))
                .onFailure(context::fail);
    }

    private JsonObject signup(String connectionName, SignupRequest request) {
        if (clients.find(request.clientId()).isEmpty()) {
            throw new ApiException(401, "invalid_client", "Unknown client: " + TokenEndpoint.echo(request.clientId()));
        }
        Connection connection = signups.connection(connectionName).orElseThrow(() -> invalidRequest(
                "Unknown connection: " + TokenEndpoint.echo(connectionName)));
        if (!connection.enabledClients().isEmpty() && !connection.enabledClients().contains(request.clientId())) {
            throw new ApiException(403, "unauthorized_client", "The connection is not enabled for the client.");
        }
        SignupResult result = signups.signup(connection, request);
        return switch (result) {
            case SignupResult.SignedUp up -> answer(up, request);
            case SignupResult.UserExists exists -> throw new ApiException(400, "user_exists",
                    "The user already exists.");
            case SignupResult.WeakPassword weak -> throw new ApiException(400, "invalid_password",
                    "Password is too weak");
            case SignupResult.SignupDisabled disabled -> throw new ApiException(400, "operation_not_allowed",
                    "Public signup is disabled for this connection.");
            case SignupResult.Invalid invalid -> throw new ApiException(400, "invalid_signup", invalid.message());
            case SignupResult.Failed failed -> throw unavailable(connection, failed);
        };
    }

    /** The platform's answer: {@code _id} (without {@code auth0|}), the email, and the given profile fields. */
    private static JsonObject answer(SignupResult.SignedUp up, SignupRequest request) {
        JsonObject answer = new JsonObject().put("_id", up.userId()).put("email", up.email())
                .put("email_verified", false);
        request.username().ifPresent(username -> answer.put("username", username));
        ObjectNode attributes = request.attributes();
        for (Map.Entry<String, JsonNode> field : attributes.properties()) {
            answer.put(field.getKey(), field.getValue().isTextual() ? field.getValue().textValue()
                    : new JsonObject(field.getValue().toString()));
        }
        return answer;
    }

    private static ApiException unavailable(Connection connection, SignupResult.Failed failed) {
        LOG.warning(() -> "signup on connection " + connection.name() + " failed (" + failed.reason() + "): "
                + failed.detail());
        String description = switch (failed.reason()) {
            case SCRIPT_FAILED -> "The legacy user store did not answer.";
            case SCRIPT_LIMIT -> "The legacy user store did not answer in time.";
            case RUNTIME_BUSY -> "Too many requests are in progress; try again.";
            case NO_SCRIPT -> "The connection lacks a script the signup needs.";
            case INVALID_PROFILE -> "The legacy user store returned an unusable profile.";
            case LOGIN_AFTER_CREATE_FAILED -> "The legacy user store did not accept the new user.";
        };
        return new ApiException(503, "temporarily_unavailable", description);
    }

    /** The body as a JSON object: a JSON object as sent, or the form's fields as strings. */
    private static ObjectNode body(RoutingContext context) {
        ObjectNode body = RequestBodies.jsonOrForm(context, SignupEndpoint::invalidRequest);
        check(body);
        return body;
    }

    /** Types and sizes of the known fields; a {@code null} counts as absent. */
    private static void check(ObjectNode body) {
        for (String field : concat(REQUIRED, OPTIONAL_TEXT)) {
            JsonNode value = body.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                throw invalidRequest("Parameter " + field + " must be a string.");
            }
            if (value != null && value.isTextual() && value.textValue().length() > MAX_FIELD) {
                throw invalidRequest("Parameter " + field + " is longer than " + MAX_FIELD + " characters.");
            }
        }
        JsonNode metadata = body.get("user_metadata");
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            throw invalidRequest("Parameter user_metadata must be an object.");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static Optional<String> text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() && !value.textValue().isBlank() ? Optional.of(value.textValue())
                : Optional.empty();
    }

    private static ApiException invalidRequest(String message) {
        return ApiException.invalidRequest(message);
    }
}
