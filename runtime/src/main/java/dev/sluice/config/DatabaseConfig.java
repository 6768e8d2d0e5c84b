package dev.sluice.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The database Sluice keeps its own data in. {@link #toString()} shows neither the password nor credentials
 * written into the URL.
 *
 * @param url a JDBC URL for one of the supported {@link Kind}s
 * @param kind the database family, from the URL's prefix
 * @param user the user to connect as; empty to use the URL's or the driver's default
 * @param password the password; empty when none is given
 */
public record DatabaseConfig(String url, Kind kind, Optional<String> user, Optional<String> password) {

    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern URL_USER_INFO = Pattern.compile("//([^/@:]*):[^/@]*@");

    /** The database families Sluice's schema supports, by JDBC URL prefix. */
    public enum Kind {
        H2("jdbc:h2:"),
        POSTGRESQL("jdbc:postgresql:"),
        MYSQL("jdbc:mysql:"),
        MARIADB("jdbc:mariadb:");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The JDBC URL prefix, such as {@code jdbc:postgresql:}. */
        public String prefix() {
            return prefix;
        }

        /** The kind whose prefix starts {@code url}; empty when none does. */
        public static Optional<Kind> of(String url) {
            return Arrays.stream(values()).filter(k -> url.startsWith(k.prefix)).findFirst();
        }
    }

    public DatabaseConfig {
        if (Kind.of(url).orElse(null) != kind || url.length() == kind.prefix.length()) {
            throw new IllegalArgumentException("not a " + kind + " JDBC URL: " + redact(url));
        }
    }

    /**
     * The configuration for {@code url}; throws {@link IllegalArgumentException} saying why (without the URL's
     * credentials) when no supported kind matches.
     */
    public static DatabaseConfig parse(String url, Optional<String> user, Optional<String> password) {
        String prefixes = Arrays.stream(Kind.values()).map(Kind::prefix).collect(Collectors.joining(", "));
        Kind kind = Kind.of(url).filter(k -> url.length() > k.prefix.length()).orElseThrow(() ->
                new IllegalArgumentException("must be a JDBC URL starting with one of " + prefixes + ", got '"
                        + redact(url) + "'"));
        return new DatabaseConfig(url, kind, user, password);
    }

    /** The embedded default: H2 in file mode, database file {@code <directory>/sluice.mv.db}. */
    public static DatabaseConfig embedded(Path directory) {
        return new DatabaseConfig("jdbc:h2:file:" + directory.resolve("sluice"), Kind.H2, Optional.empty(),
                Optional.empty());
    }

    /** {@code url} with any {@code password=} parameter and {@code user:password@} credentials masked. */
    public static String redact(String url) {
        String masked = URL_PASSWORD.matcher(url).replaceAll("$1***");
        return URL_USER_INFO.matcher(masked).replaceAll("//$1:***@");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + redact(url) + ", kind=" + kind + ", user=" + user.orElse("")
                + ", password=" + password.map(p -> "***").orElse("") + "]";
    }
}
