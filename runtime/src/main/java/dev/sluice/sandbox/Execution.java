package dev.sluice.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * One run of one script: a tiny event loop bound to one leased context. Its tasks (the call itself, timers, module
 * completions) run in order on the context's JS thread; between tasks it holds no thread. The first outcome wins
 * (the script's callback, a throw, or a limit); then the context is handed back (or dropped after a breach) and
 * any task still queued is discarded.
 */
final class Execution {

    private static final Logger LOG = Logger.getLogger(Execution.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String label;
    private final SandboxContext context;
    private final ScriptPolicy policy;
    private final ExecutionServices services;
    private final Runnable onRelease;
    private final long startNanos = System.nanoTime();
    private final CompletableFuture<ScriptResult> result;
    /** Completes when the JS thread has left this execution for good (after a cancel: when the guest unwound). */
    private final CompletableFuture<Void> unwound = new CompletableFuture<>();
    private final AtomicReference<ScriptOutcome> outcome = new AtomicReference<>();
    private final Meter meter;
    private final AtomicInteger passwordHashes = new AtomicInteger();
    private volatile long deadlineNanos;
    /** The script's own timers; most executions have none, so the set is made on first use. */
    private volatile Set<Future<?>> timers;
    private final List<String> console = new ArrayList<>();
    private long consoleBytes;
    private boolean released;
    private ScriptResult finished;

    /** An execution that completes {@code result} (the caller's future) with its outcome. */
    Execution(String label, SandboxContext context, ScriptPolicy policy, ExecutionServices services,
              Runnable onRelease, CompletableFuture<ScriptResult> result) {
        this.result = result;
        this.label = label;
        this.context = context;
        this.policy = policy;
        this.services = services;
        this.onRelease = onRelease;
        this.meter = new Meter(policy, this::breach);
    }

    ScriptPolicy policy() {
        return policy;
    }

    /** Runs {@code function} with {@code argsJson}; on the context's JS thread. */
    void start(Value function, String argsJson) {
        context.begin(this);
        deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(policy.wallTimeMs());
        services.wallClock().watch(this);
        ProxyExecutable done = args -> {
            finish(outcomeOf(args[0].asString(), args[1].asString()));
            return null;
        };
        slice(() -> context.invoke().execute(function, argsJson, done));
    }

    /** Queues a task for this execution's loop; dropped once the execution has an outcome. Any thread. */
    void post(Runnable task) {
        if (outcome.get() == null) {
            context.thread().post(() -> slice(task));
        }
    }

    /** A limit was breached: the outcome is {@code limit}, and the context is cancelled. Any thread. */
    void breach(String limit, String message) {
        if (finish(new ScriptOutcome.Limit(limit, message))) {
            LOG.info(() -> label + ": limit " + limit + " breached: " + message);
            services.cancel(context, unwound);
        }
    }

    /** When the wall-time limit is breached, in {@link System#nanoTime()} terms. */
    long deadlineNanos() {
        return deadlineNanos;
    }

    void countPasswordHash() {
        passwordHashes.incrementAndGet();
    }

    void console(String level, String text) {
        String line = "log".equals(level) || "info".equals(level) ? text : "[" + level + "] " + text;
        long bytes = line.getBytes(StandardCharsets.UTF_8).length + 1L;
        synchronized (console) {
            consoleBytes += bytes;
            if (consoleBytes <= policy.consoleBytes()) {
                console.add(line);
                return;
            }
        }
        breach("consoleBytes", "the script logged more than " + policy.consoleBytes() + " bytes");
    }

    void timer(int id, long delayMs) {
        Runnable fire = () -> context.fireTimer().execute(id);
        if (delayMs <= 0) {
            post(fire);
        } else {
            if (timers == null) {
                timers = ConcurrentHashMap.newKeySet();
            }
            timers.add(services.scheduler().schedule(() -> post(fire), delayMs, TimeUnit.MILLISECONDS));
        }
    }

    void lateCallback() {
        LOG.info(() -> label + ": callback called again after the outcome; ignored");
    }

    private void slice(Runnable task) {
        if (outcome.get() != null) {
            releaseOnThread();
            return;
        }
        try {
            // Describing a thrown guest value calls back into the context (its getters may loop), so it is
            // metered with the task.
            context.thread().runSlice(meter, () -> {
                try {
                    task.run();
                } catch (PolyglotException e) {
                    onPolyglotException(e);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.SEVERE, label + ": host failure", e);
            context.poison();
            finish(new ScriptOutcome.Failure(ScriptError.of("Error", "internal error in the sandbox")));
        }
        if (outcome.get() != null) {
            releaseOnThread();
        }
    }

    private void onPolyglotException(PolyglotException e) {
        if (e.isResourceExhausted() || e.isCancelled()) {
            context.poison();
            if (outcome.get() != null) {
                return; // Sluice cancelled it and recorded why.
            }
            finish(PolyglotErrors.cancelled(e));
        } else if (e.isGuestException() && !e.isInternalError()) {
            finish(new ScriptOutcome.Failure(PolyglotErrors.guestError(e, context.bootstrap())));
        } else {
            LOG.log(java.util.logging.Level.SEVERE, label + ": internal error", e);
            context.poison();
            finish(new ScriptOutcome.Failure(ScriptError.of("Error", "internal error in the sandbox")));
        }
    }

    /** Records the first outcome and completes the result; later outcomes are ignored. Any thread. */
    private boolean finish(ScriptOutcome first) {
        if (!outcome.compareAndSet(null, first)) {
            return false;
        }
        List<String> lines;
        synchronized (console) {
            lines = List.copyOf(console);
        }
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        ScriptResult report = new ScriptResult(first, lines, durationMs, passwordHashes.get());
        if (context.thread().isCurrent()) {
            // Completed after the context is back in its pool, so a caller's next call can reuse it (and `global`).
            finished = report;
        } else {
            result.complete(report);
            context.thread().post(this::releaseOnThread);
        }
        return true;
    }

    /** Hands the context back once the outcome is known; on the JS thread, at most once. */
    private void releaseOnThread() {
        if (released) {
            return;
        }
        released = true;
        services.wallClock().forget(this);
        if (timers != null) {
            timers.forEach(timer -> timer.cancel(false));
        }
        context.end();
        onRelease.run();
        unwound.complete(null);
        if (finished != null) {
            result.complete(finished);
        }
    }

    private ScriptOutcome outcomeOf(String kind, String json) {
        try {
            return switch (kind) {
                case "success" -> new ScriptOutcome.Success(JSON.readTree(json));
                case "failure" -> new ScriptOutcome.Failure(PolyglotErrors.scriptError(JSON.readTree(json)));
                default -> {
                    context.poison();
                    yield new ScriptOutcome.Limit(json, "the result is larger than " + policy.resultBytes()
                            + " bytes");
                }
            };
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new ScriptOutcome.Failure(ScriptError.of("Error", "the result is not plain data"));
        }
    }

    /** What an execution needs from the runner: timers and cancellation. */
    interface ExecutionServices {
        java.util.concurrent.ScheduledExecutorService scheduler();

        /** Watches the wall-time limit of running executions. */
        WallClock wallClock();

        /**
         * Cancels what runs in {@code context}; {@code unwound} completes once its JS thread is free again. A
         * cancel whose {@code unwound} has not completed within the grace period makes the runtime unhealthy.
         */
        void cancel(SandboxContext context, CompletableFuture<Void> unwound);
    }

}
