package dev.sluice.sandbox.modules;

import java.time.Duration;
import java.util.Map;

/** The time one HTTP request (redirects included) may take; each blocking step waits at most what is left. */
final class HttpDeadline {

    private final long endNanos;
    private final long totalMillis;

    private HttpDeadline(long totalMillis) {
        this.totalMillis = totalMillis;
        this.endNanos = System.nanoTime() + Duration.ofMillis(totalMillis).toNanos();
    }

    /** A deadline {@code millis} from now. */
    static HttpDeadline in(long millis) {
        return new HttpDeadline(Math.max(1, millis));
    }

    /** Milliseconds left, at least 1 (a socket timeout of 0 would mean forever); throws once it has passed. */
    int remainingMillis(String phase) {
        long left = Duration.ofNanos(endNanos - System.nanoTime()).toMillis();
        if (left <= 0) {
            throw expired(phase);
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /**
     * The timeout error, like Node's: code {@code ETIMEDOUT}, {@code connect: true} when no connection was made;
     * {@code phase} says whether the connection, the response head or the body was awaited.
     */
    ModuleError expired(String phase) {
        return new ModuleError("ETIMEDOUT", Map.of("code", "ETIMEDOUT", "connect", phase.equals("connect"),
                "phase", phase, "timeout", totalMillis));
    }
}
