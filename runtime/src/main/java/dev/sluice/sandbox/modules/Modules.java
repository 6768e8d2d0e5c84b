package dev.sluice.sandbox.modules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every module Sluice provides, by the name scripts {@code require}. */
public final class Modules {

    private final Map<String, NodeModule> byName = new LinkedHashMap<>();

    private Modules(List<NodeModule> modules) {
        modules.forEach(module -> byName.put(module.name(), module));
    }

    /** The modules shipped with Sluice. */
    public static Modules builtIn() {
        return new Modules(List.of(
                new NodeModule("buffer", host -> null),
                new NodeModule("url", host -> null),
                new NodeModule("util", host -> null),
                new NodeModule("bcrypt", host -> new BcryptPrimitive(host).build()),
                new NodeModule("crypto", host -> new CryptoPrimitive(host).build()),
                new NodeModule("mysql", host -> new MysqlPrimitive(host).build()),
                new NodeModule("request", host -> new HttpPrimitive(host).build()),
                new NodeModule("axios", host -> new HttpPrimitive(host).build()),
                new NodeModule("fetch", host -> new HttpPrimitive(host).build()),
                new NodeModule("pg", host -> new PgPrimitive(host).build()),
                new NodeModule("mongodb", host -> new MongoPrimitive(host).build()),
                new NodeModule("tedious", host -> new TediousPrimitive(host).build())));
    }

    /** These modules with {@code module} added, or replacing the one of the same name (tests swap primitives). */
    public Modules with(NodeModule module) {
        List<NodeModule> all = new java.util.ArrayList<>(byName.values());
        all.removeIf(existing -> existing.name().equals(module.name()));
        all.add(module);
        return new Modules(all);
    }

    /** The module called {@code name}, without any {@code @version} suffix. */
    public Optional<NodeModule> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All module names, in registration order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
