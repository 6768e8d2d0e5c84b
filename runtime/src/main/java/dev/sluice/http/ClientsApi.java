package dev.sluice.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.client.Client;
import dev.sluice.client.ClientChanges;
import dev.sluice.client.ClientStore;
import dev.sluice.client.NewClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code /api/v2/clients}: create (201 with {@code client_id} and {@code client_secret}), list (a bare array, or
 * {@code {clients,start,limit,length,total}} with {@code include_totals=true}; {@code page}, {@code per_page}),
 * read, update (PATCH) and delete one. Bodies are JSON objects; unknown fields and wrong types are 400
 * {@code invalid_body}. Store work runs off the event loop.
 */
final class ClientsApi {

    private static final String BASE = "/api/v2/clients";
    private static final Set<String> FIELDS = Set.of("name", "app_type", "grant_types", "token_endpoint_auth_method");
    private static final List<String> DEFAULT_GRANTS =
            List.of("authorization_code", "implicit", "refresh_token", "client_credentials");
    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 100;

    private final ClientStore clients;
    private final ManagementAuth auth;

    ClientsApi(ClientStore clients, ManagementAuth auth) {
        this.clients = clients;
        this.auth = auth;
    }

    /** Adds the routes to {@code router}. */
    void mount(Router router) {
        router.post(BASE).handler(auth.require("create:clients")).handler(this::create);
        router.get(BASE).handler(auth.require("read:clients")).handler(this::list);
        router.get(BASE + "/:id").handler(auth.require("read:clients")).handler(this::read);
        router.patch(BASE + "/:id").handler(auth.require("update:clients")).handler(this::update);
        router.delete(BASE + "/:id").handler(auth.require("delete:clients")).handler(this::delete);
    }

    private void create(RoutingContext context) {
        Map<String, JsonNode> body = body(context);
        NewClient request = valid(() -> new NewClient(
                text(body, "name").orElseThrow(() -> invalidBody("Missing required property: name")),
                text(body, "app_type").orElse("regular_web"),
                strings(body, "grant_types").orElse(DEFAULT_GRANTS),
                text(body, "token_endpoint_auth_method").orElse("client_secret_post"),
                List.of()));
        blocking(context, () -> clients.create(request), client -> JsonReply.send(context, 201, json(client)));
    }

    private void list(RoutingContext context) {
        int page = intParameter(context, "page", 0, Integer.MAX_VALUE).orElse(0);
        int perPage = intParameter(context, "per_page", 1, MAX_PER_PAGE).orElse(DEFAULT_PER_PAGE);
        boolean totals = "true".equals(context.request().getParam("include_totals"));
        blocking(context, () -> clients.list(page, perPage), result -> {
            JsonArray array = new JsonArray(result.clients().stream().map(ClientsApi::json).toList());
            JsonReply.send(context, 200, totals
                    ? totals("clients", array, page, perPage, result.total()).encode() : array.encode());
        });
    }

    private void read(RoutingContext context) {
        String id = context.pathParam("id");
        blocking(context, () -> clients.find(id).orElseThrow(ClientsApi::notFound),
                client -> JsonReply.send(context, 200, json(client)));
    }

    private void update(RoutingContext context) {
        Map<String, JsonNode> body = body(context);
        ClientChanges changes = new ClientChanges(text(body, "name"), text(body, "app_type"),
                strings(body, "grant_types"), text(body, "token_endpoint_auth_method"));
        String id = context.pathParam("id");
        blocking(context, () -> valid(() -> clients.update(id, changes)).orElseThrow(ClientsApi::notFound),
                client -> JsonReply.send(context, 200, json(client)));
    }

    private void delete(RoutingContext context) {
        String id = context.pathParam("id");
        blocking(context, () -> {
            if (!clients.delete(id)) {
                throw notFound();
            }
            return id;
        }, deleted -> context.response().setStatusCode(204).end());
    }

    /** A page with totals, as the Management API answers {@code include_totals=true}: {@code {key, start, ...}}. */
    static JsonObject totals(String key, JsonArray array, int page, int perPage, long total) {
        return new JsonObject().put(key, array).put("start", (long) page * perPage).put("limit", perPage)
                .put("length", array.size()).put("total", total);
    }

    static JsonObject json(Client client) {
        JsonObject json = new JsonObject()
                .put("client_id", client.clientId())
                .put("name", client.name())
                .put("app_type", client.appType())
                .put("grant_types", new JsonArray(client.grantTypes()))
                .put("token_endpoint_auth_method", client.tokenEndpointAuthMethod())
                .put("is_first_party", true);
        if (!"none".equals(client.tokenEndpointAuthMethod())) {
            json.put("client_secret", client.secret());
        }
        return json;
    }

    static <T> void blocking(RoutingContext context, Callable<T> work, Consumer<T> reply) {
        context.vertx().executeBlocking(work).onSuccess(reply::accept).onFailure(context::fail);
    }

    private static Map<String, JsonNode> body(RoutingContext context) {
        return body(context, FIELDS);
    }

    /** The body's fields; any field outside {@code allowed} is 400 {@code invalid_body}. */
    static Map<String, JsonNode> body(RoutingContext context, Set<String> allowed) {
        ObjectNode root = RequestBodies.managementObject(context);
        Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!allowed.contains(field.getKey())) {
                throw invalidBody("Payload validation error: 'Additional properties not allowed: "
                        + TokenEndpoint.echo(field.getKey()) + "'.");
            }
            fields.put(field.getKey(), field.getValue());
        }
        return fields;
    }

    static Optional<String> text(Map<String, JsonNode> body, String name) {
        JsonNode value = body.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalidBody("Payload validation error: 'Expected type string' on property " + name + ".");
        }
        return Optional.of(value.textValue());
    }

    static Optional<List<String>> strings(Map<String, JsonNode> body, String name) {
        JsonNode value = body.get(name);
        if (value == null) {
            return Optional.empty();
        }
        List<String> strings = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> strings.add(item.isTextual() ? item.textValue() : null));
        }
        if (!value.isArray() || strings.contains(null)) {
            throw invalidBody("Payload validation error: 'Expected type array of strings' on property " + name + ".");
        }
        return Optional.of(strings);
    }

    static Optional<Integer> intParameter(RoutingContext context, String name, int min, int max) {
        String text = context.request().getParam(name);
        if (text == null) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(400, "invalid_query_string", "Query validation error: '" + name
                + "' must be an integer between " + min + " and " + max + ".");
    }

    private static <T> T valid(Callable<T> construction) {
        try {
            return construction.call();
        } catch (IllegalArgumentException e) {
            throw invalidBody("Payload validation error: " + e.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ApiException invalidBody(String message) {
        return new ApiException(400, "invalid_body", message);
    }

    private static ApiException notFound() {
        return new ApiException(404, "inexistent_client", "The client does not exist");
    }
}
