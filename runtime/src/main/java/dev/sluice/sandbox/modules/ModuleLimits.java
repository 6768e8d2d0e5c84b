package dev.sluice.sandbox.modules;

import java.time.Duration;

/**
 * The slice of the sandbox policy that modules enforce themselves.
 *
 * @param connectTimeout how long a module waits to open a network connection
 * @param queryTimeout how long one database query or HTTP request may take
 */
public record ModuleLimits(Duration connectTimeout, Duration queryTimeout) {
}
