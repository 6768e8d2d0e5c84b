package dev.sluice.http;

/** Tells whether the server is ready; wired by the CLI from the sandbox runner and the store. */
@FunctionalInterface
public interface HealthCheck {

    /**
     * The current health. Blocking (it may ask the database), so the server calls it off the event loop. Never
     * throws for an unhealthy dependency: that is a {@link Health} with {@code ready == false} and a problem.
     */
    Health check();
}
