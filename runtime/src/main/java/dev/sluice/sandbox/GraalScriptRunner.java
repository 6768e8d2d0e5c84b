package dev.sluice.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.sandbox.modules.Modules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The in-process {@link ScriptRunner} on GraalJS: one shared engine, a fixed set of JS threads, a warm context
 * pool per script set, GraalJS's own CPU-time and stack-frame limits plus Sluice's wall-time and allocation
 * watchdogs. A breach cancels that context only ({@code close(true)}, never {@code interrupt}).
 */
public final class GraalScriptRunner implements ScriptRunner, Execution.ExecutionServices {

    private static final Logger LOG = Logger.getLogger(GraalScriptRunner.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuntimeSettings settings;
    private final SandboxEngine engine;
    private final Modules modules;
    private final List<JsThread> threads = new ArrayList<>();
    private final Map<String, ContextPool> pools = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final ScheduledExecutorService scheduler;
    private final WallClock wallClock;
    private final VirtualThreads virtualThreads = new VirtualThreads();
    private final ResourceWatchdog watchdog;
    private final List<String> problems = new CopyOnWriteArrayList<>();

    /** Starts the runtime: the engine, the JS threads and the watchdog. */
    public GraalScriptRunner(RuntimeSettings settings, Modules modules) {
        HostClasses.initialize();
        this.settings = settings;
        this.modules = modules;
        this.engine = new SandboxEngine();
        for (int i = 0; i < settings.jsThreads(); i++) {
            threads.add(new JsThread("sluice-js-" + i, settings.jsThreadStackBytes()));
        }
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon()
                .name("sluice-timers").factory());
        // A script's own timers are cancelled when its execution ends: without this, each cancelled timer (and
        // the finished execution it holds) would stay queued until its deadline.
        timers.setRemoveOnCancelPolicy(true);
        this.scheduler = timers;
        this.wallClock = new WallClock(timers);
        scheduler.scheduleWithFixedDelay(this::sweepAbandonedPools, 1, 1, TimeUnit.MINUTES);
        this.watchdog = new ResourceWatchdog(List.copyOf(threads), 5);
        LOG.info(() -> "sandbox runtime: Truffle " + engine.implementationName() + ", " + threads.size()
                + " JS threads");
    }

    @Override
    public CompletableFuture<ScriptResult> run(ScriptSet set, ScriptKey key, List<JsonNode> args) {
        if (!set.scripts().containsKey(key)) {
            return completed(new ScriptOutcome.Failure(ScriptError.of("Error",
                    "the script set has no '" + key.key() + "' script")));
        }
        ContextPool pool = pool(set);
        if (pool.oversize().isPresent()) {
            return completed(new ScriptOutcome.Failure(pool.oversize().get()));
        }
        if (!acquire(pool)) {
            return completed(new ScriptOutcome.Busy("too many executions are running; try again"));
        }
        String argsJson = argsJson(args);
        Optional<SandboxContext> warm = pool.takeIdle();
        JsThread thread = warm.map(SandboxContext::thread).orElseGet(this::leastLoaded);
        CompletableFuture<ScriptResult> result = new SpinningFuture<>();
        thread.post(() -> start(pool, warm, thread, key, argsJson, result));
        return result;
    }

    private void start(ContextPool pool, Optional<SandboxContext> warm, JsThread thread, ScriptKey key,
                       String argsJson, CompletableFuture<ScriptResult> result) {
        SandboxContext context;
        try {
            context = warm.orElseGet(() -> create(pool, thread));
        } catch (ScriptLoadException e) {
            release(pool);
            result.complete(new ScriptResult(new ScriptOutcome.Failure(e.error()), List.of(), 0));
            return;
        } catch (SandboxContext.LoadLimitException e) {
            release(pool);
            result.complete(new ScriptResult(e.outcome(), List.of(), 0));
            return;
        } catch (org.graalvm.polyglot.PolyglotException e) {
            release(pool);
            ScriptOutcome outcome = e.isResourceExhausted() || e.isCancelled()
                    ? PolyglotErrors.cancelled(e)
                    : new ScriptOutcome.Failure(PolyglotErrors.guestError(e, null));
            result.complete(new ScriptResult(outcome, List.of(), 0));
            return;
        } catch (RuntimeException e) {
            // Never leave the caller waiting or a permit taken, whatever went wrong creating the context.
            LOG.log(java.util.logging.Level.SEVERE, pool.set().id() + ": creating a context failed", e);
            release(pool);
            result.complete(new ScriptResult(new ScriptOutcome.Failure(
                    ScriptError.of("Error", "internal error in the sandbox")), List.of(), 0));
            return;
        }
        String label = pool.set().id() + "/" + key.key();
        Execution execution = new Execution(label, context, pool.set().policy(), this, () -> {
            pool.giveBack(context);
            release(pool);
        }, result);
        execution.start(context.function(key).orElseThrow(), argsJson);
    }

    private SandboxContext create(ContextPool pool, JsThread thread) {
        return SandboxContext.create(engine, thread, pool.set(), pool.sources(), modules, virtualThreads, this);
    }

    @Override
    public List<ScriptError> validate(ScriptSet set) {
        List<ScriptError> errors = new ArrayList<>();
        ScriptSources.oversize(set).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            return errors;
        }
        CompletableFuture<List<ScriptError>> done = new CompletableFuture<>();
        JsThread thread = leastLoaded();
        thread.post(() -> {
            List<ScriptError> found = new ArrayList<>();
            for (ScriptKey key : set.scripts().keySet()) {
                ScriptSet one = new ScriptSet(set.id() + "#validate", Map.of(key, set.scripts().get(key)),
                        Map.of(), set.policy());
                try {
                    SandboxContext.create(engine, thread, one, new ScriptSources(one), modules, virtualThreads,
                            this).close();
                } catch (ScriptLoadException e) {
                    found.add(e.error());
                } catch (SandboxContext.LoadLimitException e) {
                    found.add(ScriptError.of("Error", "script '" + key.key() + "' breached the limit "
                            + e.outcome().name() + " while loading: " + e.outcome().message()));
                } catch (RuntimeException e) {
                    found.add(ScriptError.of("Error", "script '" + key.key() + "' failed to load: "
                            + e.getMessage()));
                }
            }
            done.complete(found);
        });
        return done.join();
    }

    private ContextPool pool(ScriptSet set) {
        ContextPool current = pools.get(set.id());
        if (current != null && current.set() == set) {
            return current; // callers keep their ScriptSet: skip comparing whole script sources on every call
        }
        return pools.compute(set.id(), (id, existing) -> {
            if (existing != null && existing.set().equals(set)) {
                return existing;
            }
            if (existing != null) {
                existing.retire();
            }
            return new ContextPool(set);
        });
    }

    /** Retires the pools of script sets nobody ran for longer than their context age (replaced versions, too). */
    private void sweepAbandonedPools() {
        long now = System.nanoTime();
        pools.values().removeIf(pool -> {
            if (!pool.abandoned(now)) {
                return false;
            }
            pool.retire();
            return true;
        });
    }

    private boolean acquire(ContextPool pool) {
        if (running.incrementAndGet() > settings.maxConcurrent()
                || running.get() > pool.set().policy().maxConcurrent()) {
            running.decrementAndGet();
            return false;
        }
        if (!pool.tryAcquire()) {
            running.decrementAndGet();
            return false;
        }
        return true;
    }

    private void release(ContextPool pool) {
        pool.releasePermit();
        running.decrementAndGet();
    }

    private JsThread leastLoaded() {
        return threads.stream()
                .min(Comparator.comparingInt(JsThread::load).thenComparingInt(t -> t.contexts().get()))
                .orElseThrow();
    }

    private static String argsJson(List<JsonNode> args) {
        try {
            return JSON.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("arguments must be plain JSON data", e);
        }
    }

    private static CompletableFuture<ScriptResult> completed(ScriptOutcome outcome) {
        return CompletableFuture.completedFuture(new ScriptResult(outcome, List.of(), 0));
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public WallClock wallClock() {
        return wallClock;
    }

    @Override
    public void cancel(SandboxContext context, CompletableFuture<Void> unwound) {
        context.poison();
        // close(true) may return before the guest has stopped (e.g. inside a host call); the thread being free
        // again is what counts.
        long started = System.nanoTime();
        Thread.ofPlatform().daemon().name("sluice-cancel").start(context::cancel);
        scheduler.schedule(() -> {
            if (!unwound.isDone()) {
                String problem = "a cancel did not complete within " + settings.cancelGraceMs()
                        + " ms; a JS thread may be stuck";
                problems.add(problem);
                LOG.severe(problem);
                // A thread that comes back late (a long host call or builtin) gives the runtime its capacity back:
                // the problem lasts as long as the thread is held, and the log keeps the incident.
                unwound.whenComplete((ignored, failure) -> {
                    problems.remove(problem);
                    LOG.warning(() -> "the late cancel completed after "
                            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms; its JS thread is free");
                });
            }
        }, settings.cancelGraceMs(), TimeUnit.MILLISECONDS);
    }

    @Override
    public RuntimeHealth health() {
        return new RuntimeHealth(problems.isEmpty(), engine.implementationName(), problems);
    }

    @Override
    public void close() {
        watchdog.close();
        scheduler.shutdownNow();
        pools.values().forEach(ContextPool::retire);
        threads.forEach(JsThread::stop);
        virtualThreads.close();
        engine.close();
    }
}
