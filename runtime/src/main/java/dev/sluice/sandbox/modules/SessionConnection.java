package dev.sluice.sandbox.modules;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JDBC connection of one module session (mysql, pg) and the fatal error that ended it, guarded by the session's
 * own lock so a session can read them together with the rest of its state. Closing hands the connection out under
 * the lock and closes it outside, so a slow close never blocks the session.
 */
final class SessionConnection {

    private static final Logger LOG = Logger.getLogger(SessionConnection.class.getName());

    private final Object lock;
    private final String kind;
    private Connection connection;
    private ModuleError fatal;

    /**
     * @param lock the session's lock, which guards this state too
     * @param kind what the connection is, for log lines ({@code mysql}, {@code pg})
     */
    SessionConnection(Object lock, String kind) {
        this.lock = lock;
        this.kind = kind;
    }

    /** The open connection, or null. */
    Connection current() {
        synchronized (lock) {
            return connection;
        }
    }

    /** The error that ended the session, or null. */
    ModuleError fatal() {
        synchronized (lock) {
            return fatal;
        }
    }

    /** Keeps {@code opened} as the session's connection. */
    void adopt(Connection opened) {
        synchronized (lock) {
            connection = opened;
        }
    }

    /** Records {@code error} as fatal (every later item fails with it) and closes the connection. */
    void fail(ModuleError error) {
        synchronized (lock) {
            fatal = error;
        }
        close();
    }

    /** Closes the connection, if one is open; the session may open another unless it failed. */
    void close() {
        Connection current;
        synchronized (lock) {
            current = connection;
            connection = null;
        }
        if (current != null) {
            try {
                current.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "closing a " + kind + " connection failed", e);
            }
        }
    }
}
