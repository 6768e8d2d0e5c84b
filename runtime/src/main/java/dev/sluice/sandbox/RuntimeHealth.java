package dev.sluice.sandbox;

import java.util.List;

/**
 * The sandbox's health as the health check reports it.
 *
 * @param healthy false once a cancel did not complete in its grace period (a JS thread may be stuck for good)
 * @param truffleRuntime the active Truffle runtime (e.g. {@code Interpreted})
 * @param problems what made it unhealthy, oldest first
 */
public record RuntimeHealth(boolean healthy, String truffleRuntime, List<String> problems) {
    public RuntimeHealth {
        problems = List.copyOf(problems);
    }
}
