package dev.sluice.migration;

import dev.sluice.connection.Connection;
import dev.sluice.connection.ConnectionStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Logins by realm, as the password-realm grant asks for them: the realm names a connection, {@link LoginFlow} does
 * the rest. Every method is blocking (it reads the connection store, the own store and waits for scripts).
 */
public final class PasswordLogins {

    private final ConnectionStore connections;
    private final LoginFlow flow;

    /** Logins over the stored {@code connections} through {@code flow}. */
    public PasswordLogins(ConnectionStore connections, LoginFlow flow) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.flow = Objects.requireNonNull(flow, "flow");
    }

    /** The connection called {@code realm}; empty when there is none. Blocking. */
    public Optional<Connection> realm(String realm) {
        return connections.findByName(realm);
    }

    /** Logs {@code identifier} in to {@code connection}; see {@link LoginFlow#login}. Blocking. */
    public LoginResult login(Connection connection, String identifier, String password) {
        return flow.login(connection, identifier, password);
    }
}
