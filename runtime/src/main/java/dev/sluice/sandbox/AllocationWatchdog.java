package dev.sluice.sandbox;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Samples what the execution running on each JS thread has allocated and breaches {@code allocatedBytes} when it
 * exceeds its budget. GraalJS has no heap limit outside Oracle's JDK, so this watch on the thread's allocation
 * counter is what stops array, string and map bombs. A single huge allocation is seen only after it happened:
 * keep heap headroom.
 */
final class AllocationWatchdog implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AllocationWatchdog.class.getName());

    private final Thread thread;
    private volatile boolean stopped;

    AllocationWatchdog(List<JsThread> threads, long periodMs) {
        this.thread = Thread.ofPlatform().daemon().name("sluice-allocation-watchdog").unstarted(() -> {
            while (!stopped) {
                try {
                    threads.forEach(js -> js.sample(AllocationWatchdog::check));
                    Thread.sleep(periodMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "allocation sample failed", e);
                }
            }
        });
        thread.start();
    }

    private static void check(Execution execution, long allocatedInSlice) {
        long total = execution.allocated() + allocatedInSlice;
        long budget = execution.policy().allocatedBytes();
        if (total > budget) {
            execution.breach("allocatedBytes", "the script allocated more than " + budget + " bytes");
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
