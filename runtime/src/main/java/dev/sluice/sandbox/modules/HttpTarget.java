package dev.sluice.sandbox.modules;

import java.util.Locale;
import java.util.Map;

/**
 * Where one HTTP request goes, read from an absolute {@code http:}/{@code https:} URL as the facades serialize it
 * (a WHATWG {@code href}: already normalized and percent-encoded, so splitting it is enough).
 *
 * @param secure whether the scheme is {@code https}
 * @param host the host name or address as written (IPv6 without brackets), used for the policy check, the
 *     {@code Host} header and TLS server name checks
 * @param port the port, the scheme's default when the URL has none
 * @param pathAndQuery the request target: path plus query, never empty
 */
record HttpTarget(boolean secure, String host, int port, String pathAndQuery) {

    /** Parses {@code url}; throws a {@link ModuleError} with code {@code ERR_INVALID_URL} when it is not one. */
    static HttpTarget parse(String url) {
        int colon = url.indexOf("://");
        String scheme = colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(url, "only http: and https: URLs are supported");
        }
        String rest = url.substring(colon + 3);
        int end = firstOf(rest, "/?#");
        String authority = rest.substring(0, end);
        String path = rest.substring(end);
        int hash = path.indexOf('#');
        path = hash < 0 ? path : path.substring(0, hash);
        path = path.isEmpty() || path.charAt(0) == '?' ? "/" + path : path;
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        boolean secure = scheme.equals("https");
        int portStart = authority.startsWith("[")
                ? authority.indexOf(':', authority.indexOf(']'))
                : authority.indexOf(':');
        String host = portStart < 0 ? authority : authority.substring(0, portStart);
        host = host.replaceAll("^\\[|\\]$", "");
        if (host.isEmpty()) {
            throw invalid(url, "the URL has no host");
        }
        return new HttpTarget(secure, host, port(url, authority, portStart, secure), path);
    }

    /** The absolute URL of {@code location} (a redirect's Location header) relative to this target. */
    HttpTarget resolve(String location) {
        String trimmed = location.strip();
        if (trimmed.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            return parse(trimmed);
        }
        if (trimmed.startsWith("//")) {
            return parse((secure ? "https:" : "http:") + trimmed);
        }
        if (trimmed.startsWith("/")) {
            return parse(origin() + trimmed);
        }
        String path = pathAndQuery.replaceAll("[?].*$", "");
        return parse(origin() + path.substring(0, path.lastIndexOf('/') + 1) + trimmed);
    }

    /** {@code scheme://host[:port]}, the port omitted when it is the scheme's default. */
    String origin() {
        return (secure ? "https://" : "http://") + hostHeader();
    }

    /** The absolute URL of this target. */
    String href() {
        return origin() + pathAndQuery;
    }

    /** The value of the {@code Host} header: the host, plus the port when it is not the scheme's default. */
    String hostHeader() {
        String name = host.contains(":") ? "[" + host + "]" : host;
        return port == defaultPort(secure) ? name : name + ":" + port;
    }

    private static int port(String url, String authority, int portStart, boolean secure) {
        if (portStart < 0 || portStart == authority.length() - 1) {
            return defaultPort(secure);
        }
        try {
            int port = Integer.parseInt(authority.substring(portStart + 1));
            if (port < 1 || port > 65535) {
                throw invalid(url, "the port is out of range");
            }
            return port;
        } catch (NumberFormatException e) {
            throw invalid(url, "the port is not a number");
        }
    }

    private static int defaultPort(boolean secure) {
        return secure ? 443 : 80;
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static ModuleError invalid(String url, String why) {
        return new ModuleError("Invalid URL: " + why, Map.of("code", "ERR_INVALID_URL", "input", url));
    }
}
