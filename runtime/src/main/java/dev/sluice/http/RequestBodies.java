package dev.sluice.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads request bodies, the same way on every route: one JSON object (nothing after it; Jackson's nesting, number
 * and string-length constraints hold; a repeated key keeps its last value, as {@code JSON.parse} does), or a form
 * whose parameters each appear once. Each route says how a refusal looks through {@code invalid}, which gets a
 * message safe to show the client.
 */
final class RequestBodies {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String JSON_TYPE = "application/json";
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";

    private RequestBodies() {
    }

    /** The Management API's body: {@code application/json} (else 415) holding one JSON object (else 400). */
    static ObjectNode managementObject(RoutingContext context) {
        if (!contentType(context).equals(JSON_TYPE)) {
            throw new ApiException(415, "unsupported_media_type",
                    "The request body must be sent as Content-Type: application/json.");
        }
        return jsonObject(context, message -> new ApiException(400, "invalid_body",
                "Payload validation error: " + message));
    }

    /**
     * An Authentication API body: a JSON object, or a form's parameters as strings. Empty, another content type, bad
     * JSON, a non-object or a repeated form parameter → {@code invalid(message)}.
     */
    static ObjectNode jsonOrForm(RoutingContext context, Function<String, ApiException> invalid) {
        String type = contentType(context);
        if (type.equals(FORM_TYPE)) {
            if (isEmpty(context)) {
                throw invalid.apply("The request body is empty.");
            }
            return form(context.request().formAttributes(), invalid);
        }
        if (type.equals(JSON_TYPE)) {
            return jsonObject(context, invalid);
        }
        throw invalid.apply(isEmpty(context) ? "The request body is empty."
                : "The request body must be application/json or application/x-www-form-urlencoded.");
    }

    private static ObjectNode jsonObject(RoutingContext context, Function<String, ApiException> invalid) {
        if (isEmpty(context)) {
            throw invalid.apply("The request body is empty.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(context.body().buffer().getBytes());
        } catch (JacksonException e) {
            throw invalid.apply("The request body is not valid JSON.");
        } catch (IOException e) {
            throw invalid.apply("The request body cannot be read.");
        }
        if (root == null || !root.isObject()) {
            throw invalid.apply("The request body must be a JSON object.");
        }
        return (ObjectNode) root;
    }

    private static ObjectNode form(MultiMap attributes, Function<String, ApiException> invalid) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (String name : attributes.names()) {
            if (attributes.getAll(name).size() > 1) {
                throw invalid.apply("Parameter " + TokenEndpoint.echo(name) + " is repeated.");
            }
            body.put(name, attributes.get(name));
        }
        return body;
    }

    /** The media type, lower case, without parameters such as {@code charset}; empty when absent. */
    private static String contentType(RoutingContext context) {
        String header = Optional.ofNullable(context.request().getHeader(HttpHeaders.CONTENT_TYPE)).orElse("");
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isEmpty(RoutingContext context) {
        return context.body().buffer() == null || context.body().length() <= 0;
    }
}
