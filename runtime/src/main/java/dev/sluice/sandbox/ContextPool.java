package dev.sluice.sandbox;

import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The warm contexts of one script set. A context serves one execution at a time; after it, it goes back here
 * unless it breached a limit, reached its execution count or its age, or its script set was replaced.
 */
final class ContextPool {

    private final ScriptSet set;
    private final ScriptSources sources;
    private final ConcurrentLinkedDeque<SandboxContext> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean retired;
    private volatile long lastUsedNanos = System.nanoTime();

    private final Optional<ScriptError> oversize;

    ContextPool(ScriptSet set) {
        this.set = set;
        this.sources = new ScriptSources(set);
        this.oversize = ScriptSources.oversize(set);
    }

    /** Why the set cannot run at all (a script over {@code scriptBytes}), checked once. */
    Optional<ScriptError> oversize() {
        return oversize;
    }

    ScriptSet set() {
        return set;
    }

    ScriptSources sources() {
        return sources;
    }

    /** Counts one more running execution, unless the set's concurrency limit is reached. */
    boolean tryAcquire() {
        lastUsedNanos = System.nanoTime();
        while (true) {
            int now = active.get();
            if (now >= set.policy().maxConcurrentPerScriptSet()) {
                return false;
            }
            if (active.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void releasePermit() {
        active.decrementAndGet();
    }

    /** A warm context that may be reused, most recently used first. */
    Optional<SandboxContext> takeIdle() {
        SandboxContext context;
        while ((context = idle.pollFirst()) != null) {
            if (context.reusable()) {
                return Optional.of(context);
            }
            discard(context);
        }
        return Optional.empty();
    }

    /** Takes a context back after an execution; drops it when it may not be reused. On its JS thread. */
    void giveBack(SandboxContext context) {
        if (retired || !context.reusable()) {
            discard(context);
        } else {
            idle.addFirst(context);
        }
    }

    /** Whether nothing ran for longer than a context may live: the set's connection is likely gone or changed. */
    boolean abandoned(long nowNanos) {
        return active.get() == 0 && (nowNanos - lastUsedNanos) / 1_000_000 > set.policy().contextMaxAgeMs();
    }

    /** Drops every idle context; running ones are dropped when they come back. */
    void retire() {
        retired = true;
        SandboxContext context;
        while ((context = idle.pollFirst()) != null) {
            discard(context);
        }
    }

    private static void discard(SandboxContext context) {
        if (context.thread().isCurrent()) {
            context.close();
        } else {
            context.thread().post(context::close);
        }
    }
}
