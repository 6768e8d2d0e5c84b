package dev.sluice.connection;

import java.util.List;
import java.util.Objects;

/**
 * The client-settable fields of a connection, validated by {@link Connections} before they reach the store.
 *
 * @param name unique name
 * @param options its options
 * @param enabledClients client ids
 */
public record ConnectionDraft(String name, ConnectionOptions options, List<String> enabledClients) {
    public ConnectionDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        enabledClients = List.copyOf(enabledClients);
    }
}
