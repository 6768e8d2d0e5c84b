package dev.sluice.sandbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The wall-time limit of every running execution, checked by one periodic sweep instead of a timer per execution:
 * arming and cancelling a {@code ScheduledExecutorService} timer on every call woke the timer thread each time (a
 * futex wake and a context switch on another core, ≈ 3 µs of CPU per call; docs/benchmarks.md). Watching is two
 * set operations; a breach is seen at most {@link #PERIOD_MS} after the deadline.
 */
final class WallClock {

    /** How often the sweep looks at the deadlines: the most a {@code wallTimeMs} breach can be late. */
    static final long PERIOD_MS = 10;

    private final Set<Execution> running = ConcurrentHashMap.newKeySet();

    /** Starts the sweep on {@code scheduler}; it stops with the scheduler. */
    WallClock(ScheduledExecutorService scheduler) {
        scheduler.scheduleWithFixedDelay(this::sweep, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** Watches {@code execution} until {@link #forget}; its deadline is {@link Execution#deadlineNanos()}. */
    void watch(Execution execution) {
        running.add(execution);
    }

    void forget(Execution execution) {
        running.remove(execution);
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Execution execution : running) {
            if (now - execution.deadlineNanos() >= 0 && running.remove(execution)) {
                execution.breach("wallTimeMs", "the script did not finish within " + execution.policy().wallTimeMs()
                        + " ms");
            }
        }
    }
}
