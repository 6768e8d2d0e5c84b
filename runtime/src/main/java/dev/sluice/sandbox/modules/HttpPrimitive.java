package dev.sluice.sandbox.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.Value;

/**
 * The host side of {@code request}, {@code axios} and the global {@code fetch}: one function, {@code send(requestJson,
 * callback)}, that performs an HTTP request (following redirects when asked) on a virtual thread and calls back with
 * the response as JSON. The request is {@code {method, url, headers: [[name, value], ...], body (base64 or null),
 * timeoutMs, maxRedirects, decompress}}; the response {@code {status, statusText, headers (Node's
 * response.headers), rawHeaders, body (base64), url, redirects, decoded}}. Every hop is checked against the
 * policy's outbound rules; the body is capped at {@link ModuleLimits#responseBytes()}.
 */
public final class HttpPrimitive {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** Request headers dropped when a redirect leaves the original host, as follow-redirects and undici do. */
    private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "proxy-authorization");

    private final ModuleHost host;

    /** A primitive for one context. */
    public HttpPrimitive(ModuleHost host) {
        this.host = host;
    }

    /** The host object the facades receive. */
    public Object build() {
        return new HostObject().fn("send", this::send).build();
    }

    private Object send(Value... args) {
        JsonNode request = parse(HostObject.string(args, 0, "request"));
        host.runBlocking(HostObject.callback(args, 1), () -> perform(request));
        return null;
    }

    private Map<String, Object> perform(JsonNode request) {
        ModuleLimits limits = host.limits();
        long policyMillis = limits.queryTimeout().toMillis();
        long asked = request.path("timeoutMs").asLong(0);
        HttpDeadline deadline = HttpDeadline.in(asked > 0 ? Math.min(asked, policyMillis) : policyMillis);
        HttpTarget target = HttpTarget.parse(request.path("url").asText(""));
        String method = request.path("method").asText("GET").toUpperCase(Locale.ROOT);
        List<Map.Entry<String, String>> headers = headers(request.path("headers"));
        byte[] body = request.path("body").isTextual() ? Base64.getDecoder().decode(request.path("body").asText())
                : null;
        int maxRedirects = request.path("maxRedirects").asInt(0);
        boolean decompress = request.path("decompress").asBoolean(false);
        HttpWire wire = new HttpWire(limits);
        for (int hops = 0; ; hops++) {
            HttpReply reply = wire.exchange(target, method, headers, body, deadline, decompress);
            var location = HttpHeaders.first(reply.rawHeaders(), "location");
            if (maxRedirects <= 0 || !REDIRECTS.contains(reply.status()) || location.isEmpty()) {
                return response(reply, target, hops);
            }
            if (hops >= maxRedirects) {
                throw new ModuleError("Maximum number of redirects exceeded", Map.of("code",
                        "ERR_TOO_MANY_REDIRECTS", "url", target.href(), "maxRedirects", maxRedirects));
            }
            HttpTarget next = target.resolve(location.get());
            if (!next.host().equalsIgnoreCase(target.host()) || (target.secure() && !next.secure())) {
                headers.removeIf(header -> CREDENTIALS.contains(header.getKey().toLowerCase(Locale.ROOT)));
            }
            if (becomesGet(reply.status(), method)) {
                method = "GET";
                body = null;
                headers.removeIf(header -> header.getKey().toLowerCase(Locale.ROOT).startsWith("content-"));
            }
            target = next;
        }
    }

    /** 303 turns anything but HEAD into GET; 301/302 turn POST into GET (what browsers, undici and axios do). */
    private static boolean becomesGet(int status, String method) {
        return (status == 303 && !method.equals("HEAD"))
                || ((status == 301 || status == 302) && method.equals("POST"));
    }

    private static Map<String, Object> response(HttpReply reply, HttpTarget target, int hops) {
        List<List<String>> raw = new ArrayList<>();
        reply.rawHeaders().forEach(header -> raw.add(List.of(header.getKey(), header.getValue())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", reply.status());
        out.put("statusText", reply.statusText());
        out.put("headers", HttpHeaders.fold(reply.rawHeaders()));
        out.put("rawHeaders", raw);
        out.put("body", Base64.getEncoder().encodeToString(reply.body()));
        out.put("url", target.href());
        out.put("redirects", hops);
        out.put("decoded", reply.decoded());
        return out;
    }

    private static List<Map.Entry<String, String>> headers(JsonNode node) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (JsonNode pair : node) {
            headers.add(Map.entry(pair.path(0).asText(), pair.path(1).asText()));
        }
        return headers;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ModuleError.withCode("ERR_INVALID_ARG_TYPE", "the request is not valid JSON");
        }
    }
}
