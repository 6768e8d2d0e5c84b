package dev.sluice.connection;

import java.util.List;
import java.util.Optional;

/**
 * One page of connections.
 *
 * @param connections the connections, ordered by id
 * @param total how many connections exist
 * @param next the checkpoint for the next page ({@code from}); empty on the last page
 */
public record ConnectionPage(List<Connection> connections, long total, Optional<String> next) {
    public ConnectionPage {
        connections = List.copyOf(connections);
    }
}
