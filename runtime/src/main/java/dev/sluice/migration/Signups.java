package dev.sluice.migration;

import dev.sluice.connection.Connection;
import java.util.Objects;
import java.util.Optional;

/**
 * Signups by connection name, as {@code POST /dbconnections/signup} asks for them: the name finds a connection
 * (through {@link PasswordLogins#realm}), {@link SignupFlow} does the rest. Every method is blocking.
 */
public final class Signups {

    private final PasswordLogins connections;
    private final SignupFlow flow;

    /** Signups to the connections {@code connections} finds, through {@code flow}. */
    public Signups(PasswordLogins connections, SignupFlow flow) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.flow = Objects.requireNonNull(flow, "flow");
    }

    /** The connection called {@code name}; empty when there is none. Blocking (reads the connection store). */
    public Optional<Connection> connection(String name) {
        return connections.realm(name);
    }

    /** Signs {@code request} up to {@code connection}; see {@link SignupFlow#signup}. Blocking. */
    public SignupResult signup(Connection connection, SignupRequest request) {
        return flow.signup(connection, request);
    }
}
