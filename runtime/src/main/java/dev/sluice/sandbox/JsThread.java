package dev.sluice.sandbox;

import java.lang.management.ManagementFactory;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
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

    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final AtomicInteger contexts = new AtomicInteger();
    private final Thread thread;
    private volatile Execution running;
    private volatile long sliceStartAllocated;
    private volatile boolean stopped;

    JsThread(String name, long stackBytes) {
        this.thread = new Thread(null, this::loop, name, stackBytes);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a task; it runs after every task queued before it. */
    void post(Runnable task) {
        tasks.add(task);
    }

    /**
     * How busy the thread is: queued tasks plus one while a task runs. A thread stuck in a long task (a cancelled
     * guest still unwinding) counts as busy, so new contexts go elsewhere.
     */
    int load() {
        return tasks.size() + (running == null ? 0 : 1);
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
            try {
                tasks.take().run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) {
                // A task must never kill the thread that owns other script sets' contexts.
                LOG.log(Level.SEVERE, "task failed on " + thread.getName(), t);
            }
        }
    }
}
