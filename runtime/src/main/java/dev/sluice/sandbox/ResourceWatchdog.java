package dev.sluice.sandbox;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Samples what the guest code running on each JS thread (an execution, or a context being loaded) has allocated
 * and how much CPU time it has used, and breaches {@code allocatedBytes} or {@code cpuTimeMs} when it exceeds its
 * budget.
 *
 * <p>Allocation: GraalJS has no heap limit outside Oracle's JDK, so this watch on the thread's allocation counter is
 * what stops array, string and map bombs. A single huge allocation is seen only after it happened: keep heap
 * headroom.
 *
 * <p>CPU time: GraalJS's own {@code sandbox.MaxCPUTime} reads the thread's CPU clock (a system call) on every
 * context enter and leave and needs {@code Context.resetLimits()} per execution: about a third of a warm trivial call
 * (docs/benchmarks.md). Here the JS thread reads nothing per slice; the watchdog reads the thread's CPU clock while a
 * slice runs ({@link JsThread#sample}), so a breach is seen at most one period late, as with allocation.
 */
final class ResourceWatchdog implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ResourceWatchdog.class.getName());

    private final Thread thread;
    private volatile boolean stopped;

    ResourceWatchdog(List<JsThread> threads, long periodMs) {
        this.thread = Thread.ofPlatform().daemon().name("sluice-resource-watchdog").unstarted(() -> {
            while (!stopped) {
                try {
                    threads.forEach(js -> js.sample(ResourceWatchdog::check));
                    Thread.sleep(periodMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "resource sample failed", e);
                }
            }
        });
        thread.start();
    }

    private static void check(Meter meter, long allocatedInSlice, long cpuNanosInSlice) {
        long allocated = meter.allocated() + allocatedInSlice;
        long budget = meter.policy().allocatedBytes();
        if (allocated > budget) {
            meter.breach("allocatedBytes", "the script allocated more than " + budget + " bytes");
            return;
        }
        long cpuMs = meter.policy().cpuTimeMs();
        if (meter.cpuNanos() + cpuNanosInSlice > TimeUnit.MILLISECONDS.toNanos(cpuMs)) {
            meter.breach("cpuTimeMs", "the script used more than " + cpuMs + " ms of CPU time");
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
