package dev.sluice.cli;

import dev.sluice.http.Health;
import dev.sluice.http.HealthCheck;
import dev.sluice.sandbox.RuntimeHealth;
import dev.sluice.sandbox.ScriptRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The server's health: the sandbox runner's own verdict, and whether the store answers. */
final class ServerHealth implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ServerHealth.class.getName());
    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    private final ScriptRunner runner;
    private final DataSource store;

    ServerHealth(ScriptRunner runner, DataSource store) {
        this.runner = runner;
        this.store = store;
    }

    /** Blocking: borrows a store connection and validates it (at most {@value #DATABASE_TIMEOUT_SECONDS} s). */
    @Override
    public Health check() {
        RuntimeHealth sandbox = runner.health();
        List<String> problems = new ArrayList<>(sandbox.problems());
        if (!storeAnswers()) {
            problems.add("the database does not answer");
        }
        return new Health(problems.isEmpty(), sandbox.truffleRuntime(), problems);
    }

    private boolean storeAnswers() {
        try (Connection connection = store.getConnection()) {
            return connection.isValid(DATABASE_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            LOG.warning(() -> "health check: the database does not answer: " + e.getMessage());
            return false;
        }
    }
}
