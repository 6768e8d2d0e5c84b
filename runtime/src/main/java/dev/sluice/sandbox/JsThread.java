package dev.sluice.sandbox;

import java.lang.management.ManagementFactory;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One platform thread with a large fixed stack that owns the contexts created on it and runs their tasks in order.
 * Truffle does not support virtual threads, and entering a context from another thread is costly, so a context
 * never leaves its thread. While it runs guest code, the thread records whose {@link Meter} it runs for, so the
 * watchdog can charge the allocation and the CPU time to that execution (or context load).
 */
final class JsThread {

    private static final Logger LOG = Logger.getLogger(JsThread.class.getName());
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * How long the thread watches an empty queue before it parks: a caller's next call, or the callback of host
     * work that finishes quickly, then starts without the 5–50 µs it costs to wake a parked thread on a virtual
     * machine. At most this much of one core is spent per idle moment.
     */
    static final long SPIN_NANOS = 50_000;

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger contexts = new AtomicInteger();
    private final Thread thread;
    private volatile Meter running;
    private volatile long sliceStartAllocated;
    /** Numbers the slices, so a CPU mark the watchdog took for one slice is never used for another. */
    private volatile long slice;
    private volatile long sliceStartNanos;
    /** Written by the watchdog only: the thread's CPU clock the first time it saw the current slice running. */
    private volatile CpuMark cpuMark;
    private volatile boolean stopped;
    /** Set while the thread is (about to be) parked in {@link #next}: only then must {@link #post} unpark it. */
    private volatile boolean parked;

    JsThread(String name, long stackBytes) {
        this.thread = new Thread(null, this::loop, name, stackBytes);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a task; it runs after every task queued before it. */
    void post(Runnable task) {
        tasks.add(task);
        queued.incrementAndGet();
        if (parked) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * How busy the thread is: queued tasks plus one while a task runs. A thread stuck in a long task (a cancelled
     * guest still unwinding) counts as busy, so new contexts go elsewhere.
     */
    int load() {
        return queued.get() + (running == null ? 0 : 1);
    }

    /**
     * Runs {@code task} (guest code) for {@code meter}, charging what it allocates and the CPU time it uses to it. On
     * this thread only.
     *
     * <p>CPU time without a system call per slice: a slice the watchdog never saw running (shorter than its period,
     * the usual case) is charged its wall time, an upper bound of its CPU time; a slice it saw is charged its wall
     * time up to the watchdog's first look plus the thread's CPU time from then on (one clock read at the end).
     */
    void runSlice(Meter meter, Runnable task) {
        long current = slice + 1;
        slice = current;
        sliceStartAllocated = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        sliceStartNanos = start;
        running = meter;
        try {
            task.run();
        } finally {
            running = null;
            long end = System.nanoTime();
            meter.addAllocated(THREADS.getCurrentThreadAllocatedBytes() - sliceStartAllocated);
            CpuMark mark = cpuMark;
            meter.addCpuNanos(mark != null && mark.slice() == current
                    ? (mark.wallNanos() - start) + Math.max(0, THREADS.getCurrentThreadCpuTime() - mark.cpuNanos())
                    : end - start);
        }
    }

    /**
     * The meter whose task runs now, with what that task allocated so far and the CPU time it used so far (as
     * {@link #runSlice} will charge it); read by the watchdog, which is the only writer of {@code cpuMark}.
     */
    void sample(SliceSink sink) {
        Meter meter = running;
        if (meter == null) {
            return;
        }
        long current = slice;
        long start = sliceStartNanos;
        long allocated = THREADS.getThreadAllocatedBytes(thread.threadId()) - sliceStartAllocated;
        long now = System.nanoTime();
        long cpu = THREADS.getThreadCpuTime(thread.threadId());
        if (meter != running || current != slice) {
            return; // the slice ended meanwhile; the next one is sampled next time
        }
        if (cpu < 0) {
            // No thread CPU clock on this JVM: the slice's wall time so far stands for its CPU time.
            sink.accept(meter, Math.max(0, allocated), now - start);
            return;
        }
        CpuMark mark = cpuMark;
        if (mark == null || mark.slice() != current) {
            mark = new CpuMark(current, now, cpu);
            cpuMark = mark;
        }
        sink.accept(meter, Math.max(0, allocated), (mark.wallNanos() - start) + (cpu - mark.cpuNanos()));
    }

    /** Receives a sample of the running slice's allocation and CPU time so far. */
    @FunctionalInterface
    interface SliceSink {
        void accept(Meter meter, long allocatedInSlice, long cpuNanosInSlice);
    }

    /** The thread's CPU clock ({@code cpuNanos}) at {@code wallNanos}, taken during slice {@code slice}. */
    private record CpuMark(long slice, long wallNanos, long cpuNanos) {
    }

    AtomicInteger contexts() {
        return contexts;
    }

    boolean isCurrent() {
        return Thread.currentThread() == thread;
    }

    void stop() {
        stopped = true;
        thread.interrupt();
    }

    private void loop() {
        while (!stopped) {
            Runnable task = next();
            if (task == null) {
                return;
            }
            try {
                task.run();
            } catch (Throwable t) {
                // A task must never kill the thread that owns other script sets' contexts.
                LOG.log(Level.SEVERE, "task failed on " + thread.getName(), t);
            }
        }
    }

    /**
     * The next task, or null once stopped: the queue is watched for {@link #SPIN_NANOS} (a lock-free poll), then the
     * thread parks until {@link #post} unparks it. {@code parked} is written before the last poll and read by
     * {@code post} after its add, so one of the two always sees the other's write: no task is left waiting.
     */
    private Runnable next() {
        Runnable task = tasks.poll();
        if (task == null) {
            long deadline = System.nanoTime() + SPIN_NANOS;
            while (task == null && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                task = tasks.poll();
            }
        }
        if (task == null) {
            parked = true;
            while ((task = tasks.poll()) == null && !stopped) {
                LockSupport.park(this);
                Thread.interrupted(); // only stop() ends the loop; a stray interrupt must not make park spin
            }
            parked = false;
        }
        if (task != null) {
            queued.decrementAndGet();
        }
        return task;
    }
}
