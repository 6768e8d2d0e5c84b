package dev.sluice.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the own store lives: a JDBC URL with its credentials and the pool size. Validated on construction; each
 * error names the field at fault ({@code store.url}, {@code store.maximumPoolSize}, ...).
 *
 * @param url             {@code jdbc:h2:file:...}, {@code jdbc:postgresql:...} or {@code jdbc:mysql:...}
 *                        (MySQL Connector/J also reaches MariaDB)
 * @param user            the database user; empty for embedded H2
 * @param password        the database password; never printed
 * @param maximumPoolSize connections in the pool, 1..200
 */
public record StoreSettings(String url, String user, String password, int maximumPoolSize) {

    /** The pool size when none is configured. */
    public static final int DEFAULT_POOL_SIZE = 10;

    public StoreSettings {
        Objects.requireNonNull(url, "store.url");
        Objects.requireNonNull(user, "store.user");
        Objects.requireNonNull(password, "store.password");
        Dialect.fromUrl(url); // throws naming store.url
        if (maximumPoolSize < 1 || maximumPoolSize > 200) {
            throw new IllegalArgumentException("store.maximumPoolSize: must be 1..200, was " + maximumPoolSize);
        }
    }

    /** Settings for {@code url} with the default pool size. */
    public static StoreSettings of(String url, String user, String password) {
        return new StoreSettings(url, user, password, DEFAULT_POOL_SIZE);
    }

    /**
     * The embedded default: an H2 database in file mode at {@code dataDirectory/sluice.mv.db}. The pool, not a JVM
     * shutdown hook, decides when the database closes ({@code DB_CLOSE_ON_EXIT=FALSE}).
     */
    public static StoreSettings embedded(Path dataDirectory) {
        Path base = dataDirectory.toAbsolutePath().normalize().resolve("sluice");
        return of("jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE", "", "");
    }

    /** The dialect the URL selects. */
    public Dialect dialect() {
        return Dialect.fromUrl(url);
    }

    /** Everything but the password. */
    @Override
    public String toString() {
        return "StoreSettings[url=" + url + ", user=" + user + ", maximumPoolSize=" + maximumPoolSize + "]";
    }
}
