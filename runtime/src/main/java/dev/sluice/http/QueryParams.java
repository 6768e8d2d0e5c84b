package dev.sluice.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Reading query parameters of management routes, with the platform's 400 for a bad value. */
final class QueryParams {

    private QueryParams() {
    }

    /** The parameter's raw value, if given. */
    static Optional<String> param(RoutingContext context, String name) {
        return Optional.ofNullable(context.queryParams().get(name));
    }

    /**
     * The integer parameter {@code name}, {@code fallback} when absent; 400 {@code invalid_query_string} naming it
     * when it is not an integer from {@code min} to {@code max}.
     */
    static int number(RoutingContext context, String name, int fallback, int min, int max) {
        Optional<String> text = param(context, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(400, "invalid_query_string", "Query validation error: " + name
                + " must be an integer from " + min + " to " + max);
    }
}
