package dev.sluice.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON responses. */
final class JsonReply {

    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private JsonReply() {
    }

    /** Ends the response with {@code status} and {@code body}. */
    static void send(RoutingContext context, int status, JsonObject body) {
        send(context, status, body.encode());
    }

    /** Ends the response with {@code status} and {@code json}, an already encoded JSON document. */
    static void send(RoutingContext context, int status, String json) {
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(json);
    }
}
