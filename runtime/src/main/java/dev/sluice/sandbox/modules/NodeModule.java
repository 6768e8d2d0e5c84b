package dev.sluice.sandbox.modules;

import java.util.function.Function;

/**
 * One Node-compatible module: a JS facade (a resource next to this class, {@code <name>.js}) over a Java
 * primitive. The facade is a function expression {@code (function (module, exports, require, host, lib) {...})};
 * {@code host} is what {@link #primitive} returns for the context (a polyglot proxy, never a plain Java object); {@code lib.error(json)} turns a host error into an {@code Error}.
 *
 * @param name the name scripts pass to {@code require}
 * @param primitive builds the host object the facade receives, once per context
 */
public record NodeModule(String name, Function<ModuleHost, Object> primitive) {

    /** The classpath resource holding the facade. */
    public String resource() {
        return "/dev/sluice/sandbox/modules/" + name + ".js";
    }
}
