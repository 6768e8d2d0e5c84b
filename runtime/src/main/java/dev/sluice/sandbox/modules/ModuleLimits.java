package dev.sluice.sandbox.modules;

import java.time.Duration;

/**
 * The slice of the sandbox policy that modules enforce themselves.
 *
 * @param connectTimeout how long a module waits to open a network connection
 * @param queryTimeout how long one database query or HTTP request may take
 * @param outbound which hosts modules may reach; every module resolves hosts through it
 * @param responseBytes the largest HTTP response body (or database result) a module accepts
 */
public record ModuleLimits(Duration connectTimeout, Duration queryTimeout, OutboundRules outbound,
                           long responseBytes) {
}
