package dev.sluice.sandbox.modules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * Builds the host object a module facade receives: named functions over plain values, as a read-only polyglot
 * proxy. Scripts never see it (facades keep it in a closure), and it exposes no Java object: no {@code getClass},
 * no reflection, only the functions given here.
 */
public final class HostObject {

    /** A host function: receives the guest's arguments, returns a plain value (String, number, boolean, null). */
    @FunctionalInterface
    public interface Function {
        Object call(Value... args);
    }

    /** The member of the object a failed host function returns instead of throwing. */
    public static final String FAILURE_MARKER = "__hostError";

    private final Map<String, Object> members = new LinkedHashMap<>();

    /**
     * Adds a function member. An exception it throws never reaches the guest as a Java object: the guest-side
     * wrapper (bootstrap.js) receives a failure marker and throws an {@code Error} built from
     * {@link ModuleError#toJson}.
     */
    public HostObject fn(String name, Function function) {
        members.put(name, (ProxyExecutable) args -> {
            try {
                return function.call(args);
            } catch (RuntimeException e) {
                return new ReadOnly(Map.of(FAILURE_MARKER, ModuleError.toJson(e)));
            }
        });
        return this;
    }

    /** The proxy to hand to the facade. */
    public ProxyObject build() {
        return new ReadOnly(Map.copyOf(members));
    }

    /** Reads argument {@code index} as a guest function (a callback), or fails with Node's ERR_INVALID_ARG_TYPE. */
    public static Value callback(Value[] args, int index) {
        if (index >= args.length || !args[index].canExecute()) {
            throw ModuleError.withCode("ERR_INVALID_ARG_TYPE", "callback must be a function");
        }
        return args[index];
    }

    /** Reads argument {@code index} as a string, or fails with a TypeError-like message. */
    public static String string(Value[] args, int index, String what) {
        if (index >= args.length || !args[index].isString()) {
            throw new ModuleError(what + " must be a string", Map.of("code", "ERR_INVALID_ARG_TYPE"));
        }
        return args[index].asString();
    }

    private record ReadOnly(Map<String, Object> members) implements ProxyObject {
        @Override
        public Object getMember(String key) {
            return members.get(key);
        }

        @Override
        public Object getMemberKeys() {
            // A polyglot array: under HostAccess.CONSTRAINED a plain Java array is refused (Object.keys fails).
            return ProxyArray.fromArray(members.keySet().toArray());
        }

        @Override
        public boolean hasMember(String key) {
            return members.containsKey(key);
        }

        @Override
        public void putMember(String key, Value value) {
            throw new UnsupportedOperationException("read-only");
        }
    }
}
