package dev.sluice.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.sandbox.modules.ModuleError;
import dev.sluice.sandbox.modules.ModuleHost;
import dev.sluice.sandbox.modules.ModuleLimits;
import dev.sluice.sandbox.modules.Modules;
import dev.sluice.sandbox.modules.NodeModule;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * One warm GraalJS context of one script set: the bootstrap and the set's scripts evaluated once, the module
 * resources it opened, and the execution it serves now (one at a time). Lives on one {@link JsThread}; every
 * method except {@link #cancel()} runs on that thread.
 */
final class SandboxContext implements ModuleHost {

    private static final Logger LOG = Logger.getLogger(SandboxContext.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Source BOOTSTRAP = Resources.source("/dev/sluice/sandbox/bootstrap.js", "sluice:bootstrap");
    /** Core modules every script may require, whatever the policy's allow-list says. */
    private static final Set<String> CORE = Set.of("buffer", "url", "util", "fetch");
    /** Modules older runtimes exposed as globals (policy {@code legacyGlobals}; see docs/modules.md). */
    private static final List<String> LEGACY_MODULES = List.of("mysql", "bcrypt", "request", "crypto", "tedious");

    private final Context context;
    private final JsThread thread;
    private final ScriptPolicy policy;
    private final Modules modules;
    private final Map<ScriptKey, Value> functions = new EnumMap<>(ScriptKey.class);
    private final Set<AutoCloseable> resources = ConcurrentHashMap.newKeySet();
    private final long createdAtNanos = System.nanoTime();
    private final VirtualThreads virtualThreads;
    private Value bootstrap;
    private Value invoke;
    private Value fireTimer;
    private Execution current;
    private int executions;
    private volatile boolean poisoned;

    private SandboxContext(Context context, JsThread thread, ScriptPolicy policy, Modules modules,
                           VirtualThreads virtualThreads) {
        this.context = context;
        this.thread = thread;
        this.policy = policy;
        this.modules = modules;
        this.virtualThreads = virtualThreads;
        thread.contexts().incrementAndGet(); // close() gives it back, on every path
    }

    /**
     * Creates a context on the current (JS) thread, evaluates the bootstrap and every script of {@code set}, metered
     * like an execution (a script's top-level code runs here). Throws {@link ScriptLoadException} naming the script
     * and line when one does not load, and {@link LoadLimitException} when loading breached a limit (the context is
     * cancelled through {@code services}).
     */
    static SandboxContext create(SandboxEngine engine, JsThread thread, ScriptSet set, ScriptSources sources,
                                 Modules modules, VirtualThreads virtualThreads,
                                 Execution.ExecutionServices services) {
        ScriptPolicy policy = set.policy();
        Context context = engine.newContext(policy.stackFrames());
        SandboxContext created = new SandboxContext(context, thread, policy, modules, virtualThreads);
        CompletableFuture<Void> unwound = new CompletableFuture<>();
        AtomicReference<ScriptOutcome.Limit> breached = new AtomicReference<>();
        Meter meter = new Meter(policy, (limit, message) -> {
            if (breached.compareAndSet(null, new ScriptOutcome.Limit(limit, message))) {
                LOG.info(() -> set.id() + ": limit " + limit + " breached while loading: " + message);
                services.cancel(created, unwound);
            }
        });
        try {
            thread.runSlice(meter, () -> {
                created.bootstrap(set.configuration());
                for (ScriptKey key : set.scripts().keySet()) {
                    created.functions.put(key, ScriptLoader.load(context, sources, key));
                }
            });
            if (breached.get() != null) {
                throw new LoadLimitException(breached.get());
            }
            return created;
        } catch (RuntimeException e) {
            created.close();
            throw breached.get() == null ? e : new LoadLimitException(breached.get());
        } finally {
            unwound.complete(null);
        }
    }

    /** Loading a context breached a limit; the context is closed. */
    static final class LoadLimitException extends RuntimeException {
        private final transient ScriptOutcome.Limit outcome;

        LoadLimitException(ScriptOutcome.Limit outcome) {
            super(outcome.message(), null, false, false);
            this.outcome = outcome;
        }

        ScriptOutcome.Limit outcome() {
            return outcome;
        }
    }

    private void bootstrap(Map<String, String> configuration) {
        ProxyObject host = ProxyObject.fromMap(Map.of(
                "console", (ProxyExecutable) args -> {
                    execution().ifPresent(e -> e.console(args[0].asString(), args[1].asString()));
                    return null;
                },
                "timer", (ProxyExecutable) args -> {
                    execution().ifPresent(e -> e.timer(args[0].asInt(), args[1].asLong()));
                    return null;
                },
                "lateCallback", (ProxyExecutable) args -> {
                    execution().ifPresent(Execution::lateCallback);
                    return null;
                },
                "breach", (ProxyExecutable) args -> {
                    execution().ifPresent(e -> e.breach(args[0].asString(), "the script tried to allocate more "
                            + "than " + policy.allocatedBytes() + " bytes at once"));
                    return null;
                },
                "require", (ProxyExecutable) args -> require(args[0].asString())));
        try {
            bootstrap = context.eval(BOOTSTRAP).execute(host, JSON.writeValueAsString(configuration),
                    policy.resultBytes(), policy.allocatedBytes(), JSON.writeValueAsString(legacyModules()));
            invoke = bootstrap.getMember("invoke");
            fireTimer = bootstrap.getMember("fireTimer");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The modules behind the legacy globals, when the policy turns them on: allowed and provided ones only. */
    private List<String> legacyModules() {
        if (!policy.legacyGlobals()) {
            return List.of();
        }
        return LEGACY_MODULES.stream().filter(name -> CORE.contains(name) || policy.modules().contains(name))
                .filter(name -> modules.find(name).isPresent()).toList();
    }

    private Object require(String name) {
        boolean allowed = CORE.contains(name) || policy.modules().contains(name);
        Optional<NodeModule> module = allowed ? modules.find(name) : Optional.empty();
        if (module.isEmpty()) {
            return null;
        }
        Value factory = context.eval(Resources.source(module.get().resource(), "sluice:" + name));
        return bootstrap.getMember("loadModule").execute(factory, module.get().primitive().apply(this));
    }

    /** The function of script {@code key}, if the set has that script. */
    Optional<Value> function(ScriptKey key) {
        return Optional.ofNullable(functions.get(key));
    }

    Value bootstrap() {
        return bootstrap;
    }

    /** The bootstrap's {@code invoke(fn, argsJson, done)}, looked up once. */
    Value invoke() {
        return invoke;
    }

    /** The bootstrap's {@code fireTimer(id)}, looked up once. */
    Value fireTimer() {
        return fireTimer;
    }

    JsThread thread() {
        return thread;
    }

    /** Binds this context to {@code execution} for its duration. */
    void begin(Execution execution) {
        current = execution;
        executions++;
    }

    void end() {
        current = null;
    }

    private Optional<Execution> execution() {
        return Optional.ofNullable(current);
    }

    /** Whether this context may serve another execution. */
    boolean reusable() {
        long ageMs = (System.nanoTime() - createdAtNanos) / 1_000_000;
        return !poisoned && executions < policy.contextMaxExecutions() && ageMs < policy.contextMaxAgeMs();
    }

    boolean poisoned() {
        return poisoned;
    }

    /** Marks the context as never to be reused (after a limit breach or a crash). Any thread. */
    void poison() {
        poisoned = true;
    }

    /**
     * Cancels whatever runs in the context and closes it. Called from a canceller thread, never the JS thread;
     * returns when GraalJS has stopped the guest, which may take long or never happen (the caller bounds it).
     */
    void cancel() {
        poisoned = true;
        try {
            context.close(true);
        } catch (PolyglotException | IllegalStateException e) {
            LOG.log(Level.FINE, "context already closing", e);
        }
    }

    /** Closes the context and its module resources. On the JS thread, or anywhere after a cancel. */
    void close() {
        for (AutoCloseable resource : List.copyOf(resources)) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing a module resource failed", e);
            }
        }
        resources.clear();
        try {
            context.close(true);
        } catch (PolyglotException | IllegalStateException e) {
            LOG.log(Level.FINE, "context already closed", e);
        }
        thread.contexts().decrementAndGet();
    }

    @Override
    public void runBlocking(Value callback, Callable<?> work) {
        start(callback, work).thenAccept(Runnable::run);
    }

    @Override
    public void runBlocking(Value callback, Callable<?> work, Lane lane) {
        OrderedLane ordered = (OrderedLane) lane;
        CompletableFuture<Runnable> delivery = start(callback, work);
        ordered.tail = ordered.tail.thenCombine(delivery, (previous, post) -> {
            post.run();
            return null;
        });
    }

    @Override
    public Lane newLane() {
        return new OrderedLane();
    }

    /** Completions delivered in submission order; only touched on the JS thread. */
    private static final class OrderedLane implements Lane {
        private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    }

    /**
     * Runs {@code work} on a virtual thread; the future's value posts its completion to the execution that was
     * current when the work was submitted (dropped if that execution has ended).
     */
    private CompletableFuture<Runnable> start(Value callback, Callable<?> work) {
        CompletableFuture<Runnable> delivery = new CompletableFuture<>();
        Execution execution = current;
        if (execution == null) {
            return delivery;
        }
        virtualThreads.submit(() -> {
            String error = null;
            Object result = null;
            try {
                result = work.call();
            } catch (Exception e) {
                error = ModuleError.toJson(e);
            }
            String errorJson = error;
            Object value = result instanceof String || result == null ? result : toJson(result);
            delivery.complete(() -> execution.post(() -> callback.execute(errorJson, value)));
        });
        return delivery;
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a module returned a value that is not plain data", e);
        }
    }

    @Override
    public void closeWithContext(AutoCloseable resource) {
        resources.add(resource);
    }

    @Override
    public void forget(AutoCloseable resource) {
        resources.remove(resource);
    }

    @Override
    public void countPasswordHash() {
        execution().ifPresent(Execution::countPasswordHash);
    }

    @Override
    public ModuleLimits limits() {
        Duration query = Duration.ofMillis(policy.queryTimeoutMs());
        return new ModuleLimits(query, query, policy.outbound(), policy.responseBytes());
    }
}
