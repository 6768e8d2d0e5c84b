package dev.sluice.sandbox;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future {@link GraalScriptRunner#run} returns: {@link #join()} and {@link #get()} first watch it for up to
 * {@link #SPIN_NANOS} before parking, because a warm trivial script answers in a few microseconds while waking a
 * parked thread costs 5–50 µs on a virtual machine (docs/benchmarks.md, ThreadHandOffBenchmark). Longer waits park
 * as any future does; the spin never burns more than {@link #SPIN_NANOS} of one core per call.
 *
 * @param <T> the result type
 */
final class SpinningFuture<T> extends CompletableFuture<T> {

    /** How long a waiter watches the future before it parks. */
    static final long SPIN_NANOS = 50_000;

    @Override
    public T join() {
        spin();
        return super.join();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        spin();
        return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        spin();
        return super.get(timeout, unit);
    }

    private void spin() {
        if (isDone()) {
            return;
        }
        long deadline = System.nanoTime() + SPIN_NANOS;
        while (!isDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
