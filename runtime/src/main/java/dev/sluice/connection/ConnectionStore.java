package dev.sluice.connection;

import java.util.Optional;

/** Stored connections. Every method is blocking (JDBC); {@code StoreException} reports database failures. */
public interface ConnectionStore {

    /**
     * Stores a new connection with a fresh id. Blocking.
     *
     * @throws ConnectionException 409 when the name is taken (nothing stored)
     */
    Connection create(ConnectionDraft draft);

    /** The connection {@code id}; empty when absent. Blocking. */
    Optional<Connection> find(String id);

    /** The connection called {@code name} (names are unique); empty when there is none. Blocking. */
    Optional<Connection> findByName(String name);

    /**
     * Replaces name, options (all of them) and enabled clients of {@code id} in one transaction. Blocking.
     *
     * @return the updated connection; empty when absent
     * @throws ConnectionException 409 when the new name is taken (nothing changed)
     */
    Optional<Connection> replace(String id, ConnectionDraft draft);

    /** Deletes {@code id} with its scripts and configuration; false when absent. Blocking. */
    boolean delete(String id);

    /** Up to {@code limit} connections after skipping {@code offset}, in id order, with the total. Blocking. */
    ConnectionPage page(int offset, int limit);

    /**
     * Up to {@code take} connections with ids after {@code from} (from the first when empty), in id order; the
     * page's {@code next} is set when more follow. Blocking.
     */
    ConnectionPage after(Optional<String> from, int take);
}
