package dev.sluice.sandbox;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The script keys of CONTRACT.md §1, with the arguments each receives before the callback. */
public enum ScriptKey {
    LOGIN("login", List.of("login"), 2),
    GET_USER("get_user", List.of("getUser", "getByEmail", "loginByEmail"), 1),
    CREATE("create", List.of("create"), 1),
    VERIFY("verify", List.of("verify"), 1),
    CHANGE_PASSWORD("change_password", List.of("changePassword"), 2),
    DELETE("delete", List.of("remove", "deleteUser"), 1),
    CHANGE_EMAIL("change_email", List.of("changeEmail"), 3);

    private final String key;
    private final List<String> functionNames;
    private final int arity;

    ScriptKey(String key, List<String> functionNames, int arity) {
        this.key = key;
        this.functionNames = functionNames;
        this.arity = arity;
    }

    /** The key as stored in {@code options.customScripts}. */
    public String key() {
        return key;
    }

    /** The names the published templates give this script's function. */
    public List<String> functionNames() {
        return functionNames;
    }

    /** How many arguments come before the callback (without the optional script context). */
    public int arity() {
        return arity;
    }

    /** The key called {@code key}, if it is one. */
    public static Optional<ScriptKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    /** All keys as strings, for error messages. */
    public static List<String> names() {
        return Arrays.stream(values()).map(ScriptKey::key).toList();
    }
}
