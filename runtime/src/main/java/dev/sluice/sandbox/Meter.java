package dev.sluice.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What guest code has used on a JS thread on behalf of one thing (an execution, or the loading of a new context):
 * bytes allocated and CPU time, charged slice by slice by {@link JsThread#runSlice} and checked against the
 * policy's budgets by the {@link ResourceWatchdog}, which calls {@link #breach} once one is exceeded.
 */
final class Meter {

    /** Told which limit was breached: the policy field and a message for the operator. Any thread. */
    @FunctionalInterface
    interface BreachHandler {
        void breach(String limit, String message);
    }

    private final ScriptPolicy policy;
    private final BreachHandler onBreach;
    private final AtomicLong allocated = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();

    Meter(ScriptPolicy policy, BreachHandler onBreach) {
        this.policy = policy;
        this.onBreach = onBreach;
    }

    ScriptPolicy policy() {
        return policy;
    }

    void addAllocated(long bytes) {
        allocated.addAndGet(bytes);
    }

    /** Bytes allocated by the slices that ended. */
    long allocated() {
        return allocated.get();
    }

    void addCpuNanos(long nanos) {
        cpuNanos.addAndGet(nanos);
    }

    /** CPU time of the slices that ended (see {@link JsThread#runSlice}). */
    long cpuNanos() {
        return cpuNanos.get();
    }

    void breach(String limit, String message) {
        onBreach.breach(limit, message);
    }
}
