package dev.sluice.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /health}: 200 {@code {"status":"ok","truffleRuntime":...}} when ready, else 503
 * {@code {"status":"unavailable","truffleRuntime":...,"problems":[...]}}. The check runs on a worker thread.
 */
final class HealthEndpoint implements Handler<RoutingContext> {

    private final HealthCheck check;

    HealthEndpoint(HealthCheck check) {
        this.check = check;
    }

    @Override
    public void handle(RoutingContext context) {
        context.vertx().executeBlocking(check::check, false)
                .onSuccess(health -> reply(context, health))
                .onFailure(context::fail);
    }

    private static void reply(RoutingContext context, Health health) {
        JsonObject body = new JsonObject()
                .put("status", health.ready() ? "ok" : "unavailable")
                .put("truffleRuntime", health.truffleRuntime());
        if (!health.ready()) {
            body.put("problems", new JsonArray(health.problems()));
        }
        JsonReply.send(context, health.ready() ? 200 : 503, body);
    }
}
