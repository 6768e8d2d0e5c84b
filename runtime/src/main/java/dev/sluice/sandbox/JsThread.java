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
 * never leaves its thread. While it runs a task, the thread records which execution it serves, so the watchdog
 * can charge the allocation to that execution.
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
    private volatile Execution running;
    private volatile long sliceStartAllocated;
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

    /** Runs {@code task} for {@code execution}, charging what it allocates to the execution. On this thread only. */
    void runSlice(Execution execution, Runnable task) {
        sliceStartAllocated = THREADS.getCurrentThreadAllocatedBytes();
        running = execution;
        try {
            task.run();
        } finally {
            running = null;
            execution.addAllocated(THREADS.getCurrentThreadAllocatedBytes() - sliceStartAllocated);
        }
    }

    /** The execution whose task runs now, and how much that task allocated so far; read by the watchdog. */
    void sample(AllocationSink sink) {
        Execution execution = running;
        if (execution != null) {
            long allocated = THREADS.getThreadAllocatedBytes(thread.threadId()) - sliceStartAllocated;
            if (execution == running) {
                sink.accept(execution, Math.max(0, allocated));
            }
        }
    }

    /** Receives a sample of the running execution's in-flight allocation. */
    @FunctionalInterface
    interface AllocationSink {
        void accept(Execution execution, long allocatedInSlice);
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
