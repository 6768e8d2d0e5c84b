package dev.sluice.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.connection.Connection;
import dev.sluice.connection.ConnectionException;
import dev.sluice.connection.ConnectionPage;
import dev.sluice.connection.Connections;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The Management API's connection routes ({@code /api/v2/connections}). Each route puts the scope check first
 * ({@code read:}, {@code create:}, {@code update:}, {@code delete:connections}); the store and the script
 * compilation run through {@code executeBlocking}.
 */
final class ConnectionRoutes {

    static final String PATH = "/api/v2/connections";
    private static final int DEFAULT_PER_PAGE = 50;
    private static final int MAX_PER_PAGE = 100;

    private final Connections connections;
    private final ObjectMapper json = new ObjectMapper();

    private ConnectionRoutes(Connections connections) {
        this.connections = connections;
    }

    /**
     * Adds the routes to {@code router}.
     *
     * @param scope makes the handler that admits a request holding a scope (e.g. {@code auth::require})
     */
    static void mount(Router router, Function<String, Handler<RoutingContext>> scope, Connections connections) {
        ConnectionRoutes routes = new ConnectionRoutes(connections);
        router.post(PATH).handler(scope.apply("create:connections")).handler(routes::create);
        router.get(PATH).handler(scope.apply("read:connections")).handler(routes::list);
        router.get(PATH + "/:id").handler(scope.apply("read:connections")).handler(routes::get);
        router.patch(PATH + "/:id").handler(scope.apply("update:connections")).handler(routes::update);
        router.delete(PATH + "/:id").handler(scope.apply("delete:connections")).handler(routes::delete);
    }

    private void create(RoutingContext context) {
        JsonNode body = body(context);
        blocking(context, () -> Connections.json(connections.create(body)).toString(), 201);
    }

    private void get(RoutingContext context) {
        String id = context.pathParam("id");
        blocking(context, () -> Connections.json(connections.get(id)).toString(), 200);
    }

    private void update(RoutingContext context) {
        String id = context.pathParam("id");
        JsonNode body = body(context);
        blocking(context, () -> Connections.json(connections.update(id, body)).toString(), 200);
    }

    private void delete(RoutingContext context) {
        String id = context.pathParam("id");
        context.vertx().executeBlocking(() -> {
            connections.delete(id);
            return null;
        }, false).onSuccess(done -> context.response().setStatusCode(202).end())
                .onFailure(failure -> context.fail(translate(failure)));
    }

    private void list(RoutingContext context) {
        boolean checkpoint = QueryParams.param(context, "from").isPresent()
                || QueryParams.param(context, "take").isPresent();
        if (checkpoint) {
            Optional<String> from = QueryParams.param(context, "from");
            int take = QueryParams.number(context, "take", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
            blocking(context, () -> {
                ConnectionPage page = connections.after(from, take);
                ObjectNode wrapped = json.createObjectNode();
                wrapped.set("connections", array(page));
                page.next().ifPresent(next -> wrapped.put("next", next));
                return wrapped.toString();
            }, 200);
            return;
        }
        int page = QueryParams.number(context, "page", 0, 0, Integer.MAX_VALUE / MAX_PER_PAGE);
        int perPage = QueryParams.number(context, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
        boolean totals = QueryParams.param(context, "include_totals").map("true"::equals).orElse(false);
        blocking(context, () -> {
            ConnectionPage found = connections.page(page * perPage, perPage);
            if (!totals) {
                return array(found).toString();
            }
            ObjectNode wrapped = json.createObjectNode();
            wrapped.set("connections", array(found));
            wrapped.put("start", page * perPage);
            wrapped.put("limit", perPage);
            wrapped.put("length", found.connections().size());
            wrapped.put("total", found.total());
            return wrapped.toString();
        }, 200);
    }

    private ArrayNode array(ConnectionPage page) {
        ArrayNode array = json.createArrayNode();
        for (Connection connection : page.connections()) {
            array.add(Connections.json(connection));
        }
        return array;
    }

    private static void blocking(RoutingContext context, Callable<String> work, int status) {
        context.vertx().executeBlocking(work, false)
                .onSuccess(body -> JsonReply.send(context, status, body))
                .onFailure(failure -> context.fail(translate(failure)));
    }

    private static Throwable translate(Throwable failure) {
        if (failure instanceof ConnectionException e) {
            return new ApiException(e.statusCode(), e.errorCode(), e.getMessage());
        }
        return failure;
    }

    private JsonNode body(RoutingContext context) {
        return RequestBodies.managementObject(context);
    }
}
