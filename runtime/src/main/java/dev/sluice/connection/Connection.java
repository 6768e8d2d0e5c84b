package dev.sluice.connection;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored database connection.
 *
 * @param id {@code con_} plus 16 random URL-safe characters
 * @param name unique across the deployment
 * @param strategy always {@code auth0}
 * @param options its options (configuration decrypted)
 * @param enabledClients the client ids allowed to use it
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Connection(String id, String name, String strategy, ConnectionOptions options,
                         List<String> enabledClients, Instant createdAt, Instant updatedAt) {
    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(options, "options");
        enabledClients = List.copyOf(enabledClients);
    }
}
