package dev.sluice.sandbox;

import java.util.Map;
import java.util.Objects;

/**
 * The scripts of one connection, with their configuration and policy. Two script sets never share a context or
 * any state. A changed script set must get a new {@code id} (or a new version in it) so that warm contexts of
 * the old one are not reused.
 *
 * @param id a stable identity, e.g. connection id plus script version
 * @param scripts script key to JS source
 * @param configuration the frozen {@code configuration} global
 * @param policy the limits its executions run under
 */
public record ScriptSet(String id, Map<ScriptKey, String> scripts, Map<String, String> configuration,
                        ScriptPolicy policy) {
    public ScriptSet {
        Objects.requireNonNull(id, "id");
        scripts = Map.copyOf(scripts);
        configuration = Map.copyOf(configuration);
        Objects.requireNonNull(policy, "policy");
    }
}
