package dev.sluice.store;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three databases the store runs on, chosen by the JDBC URL's prefix. The schema is the same on all of them;
 * what differs is kept here: the table options that make MySQL/MariaDB compare text exactly as H2 and PostgreSQL
 * do, and how each reports which unique constraint an insert violated.
 */
public enum Dialect {
    /** Embedded H2 (file mode by default). */
    H2("jdbc:h2:", "", Pattern.compile("violation: \"(?:[A-Za-z0-9_]+\\.)?([A-Za-z0-9_]+)[ \"]")),
    /** PostgreSQL. */
    POSTGRESQL("jdbc:postgresql:", "", Pattern.compile("constraint \"([A-Za-z0-9_]+)\"")),
    /** MySQL and MariaDB through MySQL Connector/J. Binary collation: case-, accent- and width-sensitive. */
    MYSQL("jdbc:mysql:", "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin",
            Pattern.compile("for key '(?:[A-Za-z0-9_]+\\.)?([A-Za-z0-9_]+)'\\s*$"));

    private final String prefix;
    private final String tableOptions;
    private final Pattern violatedConstraint;

    Dialect(String prefix, String tableOptions, Pattern violatedConstraint) {
        this.prefix = prefix;
        this.tableOptions = tableOptions;
        this.violatedConstraint = violatedConstraint;
    }

    /**
     * The dialect of a JDBC URL.
     *
     * @throws IllegalArgumentException naming {@code store.url} when the URL is none of the three
     */
    public static Dialect fromUrl(String url) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (lower.startsWith(dialect.prefix)) {
                return dialect;
            }
        }
        if (lower.startsWith("jdbc:mariadb:")) {
            throw new IllegalArgumentException("store.url: MariaDB is reached with a jdbc:mysql:// URL "
                    + "(MySQL Connector/J is the bundled driver)");
        }
        throw new IllegalArgumentException("store.url: must start with jdbc:h2:, jdbc:postgresql: or jdbc:mysql:");
    }

    /** What follows {@code CREATE TABLE (...)} in the migrations (the Flyway placeholder {@code table_options}). */
    public String tableOptions() {
        return tableOptions;
    }

    /**
     * The name (lower case) of the unique constraint or primary key that {@code e} reports as violated; empty when
     * {@code e} is not a unique violation or names no constraint.
     */
    public Optional<String> violatedUniqueConstraint(SQLException e) {
        for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
            if (isUniqueViolation(cause) && cause.getMessage() != null) {
                Matcher matcher = violatedConstraint.matcher(cause.getMessage().lines().findFirst().orElse(""));
                if (matcher.find()) {
                    return Optional.of(matcher.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code e} (or a chained exception) is a unique or primary key violation. */
    public boolean isUniqueViolation(SQLException e) {
        for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
            String state = cause.getSQLState();
            boolean unique = switch (this) {
                case H2, POSTGRESQL -> "23505".equals(state);
                case MYSQL -> cause.getErrorCode() == 1062 || cause.getErrorCode() == 1586;
            };
            if (unique) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e} is a deadlock or serialization failure, after which the same statement may be retried. */
    public boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }
}
