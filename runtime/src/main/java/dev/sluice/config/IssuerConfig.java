package dev.sluice.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The issuer: the base URL that goes into tokens' {@code iss} and from which the Management API audience
 * ({@code {issuer}api/v2/}) and discovery URLs are made.
 *
 * @param url an absolute http(s) URL, lower-case scheme and host, no query or fragment, ending with exactly one
 *     {@code /}
 */
public record IssuerConfig(String url) {

    public IssuerConfig {
        if (!normalize(url).equals(url)) {
            throw new IllegalArgumentException("issuer is not normalized: " + url);
        }
    }

    /**
     * The issuer for {@code text}, normalized; throws {@link IllegalArgumentException} saying why when it is not an
     * absolute http(s) URL with a host and without user info, query or fragment.
     */
    public static IssuerConfig parse(String text) {
        return new IssuerConfig(normalize(text));
    }

    /** The default issuer for a server on {@code port}: {@code http://localhost:<port>/}. */
    public static IssuerConfig localhost(int port) {
        return new IssuerConfig("http://localhost:" + port + "/");
    }

    /** {@code relative} (leading slashes ignored) resolved against the issuer: {@code resolve("api/v2/")}. */
    public String resolve(String relative) {
        int start = 0;
        while (start < relative.length() && relative.charAt(start) == '/') {
            start++;
        }
        return url + relative.substring(start);
    }

    /** The audience of Management API tokens: {@code {issuer}api/v2/}. */
    public String managementAudience() {
        return resolve("api/v2/");
    }

    private static String normalize(String text) {
        URI uri = toUri(text.strip());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("must be an absolute http(s) URL, got '" + text + "'");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("must name a host, got '" + text + "'");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must not contain user info, a query or a fragment, got '" + text + "'");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path.substring(0, end) + "/";
    }

    private static URI toUri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be an absolute http(s) URL, got '" + text + "' ("
                    + e.getReason() + ")");
        }
    }
}
