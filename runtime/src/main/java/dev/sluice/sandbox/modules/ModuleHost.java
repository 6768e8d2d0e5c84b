package dev.sluice.sandbox.modules;

import java.util.concurrent.Callable;
import org.graalvm.polyglot.Value;

/**
 * What a module primitive may ask of the sandbox that runs it. Implemented by the sandbox, one per context.
 *
 * <p>All methods are called on the context's JS thread (from a guest call into a primitive).
 */
public interface ModuleHost {

    /**
     * Runs {@code work} on a virtual thread, then calls the guest function {@code callback} on the JS thread of
     * the execution that is current when the work completes, as {@code callback(errorJson, resultJson)}: exactly
     * one of them is non-null. A result that is a {@link String} is passed as is; anything else is serialized to
     * JSON. A thrown exception becomes {@code errorJson} via {@link ModuleError#toJson(Throwable)}. Does not block.
     * If the execution has ended by then, the completion is dropped.
     */
    void runBlocking(Value callback, Callable<?> work);

    /**
     * Like {@link #runBlocking(Value, Callable)}, but the completions of one {@code lane} reach the guest in the
     * order their work was submitted, however the work itself finished (one connection's queries, say, whose
     * callbacks the script expects in order). Different lanes are independent.
     */
    void runBlocking(Value callback, Callable<?> work, Lane lane);

    /** A new, empty lane of ordered completions. */
    Lane newLane();

    /** An ordered stream of completions; see {@link #runBlocking(Value, Callable, Lane)}. */
    interface Lane {
    }

    /** Registers a resource (a connection, a pool) to be closed when this context is dropped. */
    void closeWithContext(AutoCloseable resource);

    /** Removes a resource registered with {@link #closeWithContext}, once the script closed it itself. */
    void forget(AutoCloseable resource);

    /** The policy's outbound rules and limits that modules enforce. */
    ModuleLimits limits();

    /**
     * Records that the current execution asked for one password hash to be computed or checked (bcrypt, PBKDF2),
     * so the caller can tell a script that checked a password from one that answered without (login timing must
     * not tell an unknown user from a wrong password). Counted when asked, before the work runs.
     */
    void countPasswordHash();
}
