package dev.sluice.sandbox.modules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Response headers as Node's {@code http} module presents them in {@code response.headers}: names lower-cased,
 * {@code set-cookie} always an array, {@code cookie} joined with {@code "; "}, duplicates of the single-valued
 * headers Node lists dropped (the first wins), any other repeated header joined with {@code ", "}.
 */
final class HttpHeaders {

    /** The headers whose duplicates Node discards (lib/_http_incoming.js, matchKnownFields). */
    private static final Set<String> SINGLE = Set.of("age", "authorization", "content-length", "content-type",
            "etag", "expires", "from", "host", "if-modified-since", "if-unmodified-since", "last-modified",
            "location", "max-forwards", "proxy-authorization", "referer", "retry-after", "server", "user-agent");

    private HttpHeaders() {
    }

    /** Folds {@code raw} (name/value pairs in arrival order) into Node's {@code response.headers} object. */
    static Map<String, Object> fold(List<Map.Entry<String, String>> raw) {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : raw) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            String value = entry.getValue();
            Object existing = headers.get(name);
            if (name.equals("set-cookie")) {
                @SuppressWarnings("unchecked")
                List<String> cookies = existing == null ? new ArrayList<>() : (List<String>) existing;
                cookies.add(value);
                headers.put(name, cookies);
            } else if (existing == null) {
                headers.put(name, value);
            } else if (!SINGLE.contains(name)) {
                headers.put(name, existing + (name.equals("cookie") ? "; " : ", ") + value);
            }
        }
        return headers;
    }

    /** The first value of header {@code name} (any case) in {@code raw}, or empty. */
    static java.util.Optional<String> first(List<Map.Entry<String, String>> raw, String name) {
        return raw.stream().filter(entry -> entry.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst();
    }
}
