package dev.sluice.cli;

import dev.sluice.connection.ScriptProblem;
import dev.sluice.connection.ScriptValidator;
import dev.sluice.sandbox.ScriptError;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptPolicy;
import dev.sluice.sandbox.ScriptRunner;
import dev.sluice.sandbox.ScriptSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link ScriptValidator} over the sandbox: unknown keys are refused by name, every known script is compiled
 * alone by {@link ScriptRunner#validate} so that each problem belongs to one key.
 */
public final class SandboxScriptValidator implements ScriptValidator {

    private final ScriptRunner runner;
    private final ScriptPolicy policy;

    /**
     * @param runner the sandbox
     * @param policy the limits the scripts will run under (its {@code scriptBytes} bounds each source)
     */
    public SandboxScriptValidator(ScriptRunner runner, ScriptPolicy policy) {
        this.runner = runner;
        this.policy = policy;
    }

    @Override
    public List<ScriptProblem> validate(Map<String, String> customScripts) {
        List<ScriptProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> script : new TreeMap<>(customScripts).entrySet()) {
            Optional<ScriptKey> key = ScriptKey.of(script.getKey());
            if (key.isEmpty()) {
                problems.add(new ScriptProblem(script.getKey(), "unknown script key '" + script.getKey()
                        + "'; the keys are " + String.join(", ", ScriptKey.names())));
                continue;
            }
            ScriptSet one = new ScriptSet("validate:" + script.getKey(), Map.of(key.get(), script.getValue()),
                    Map.of(), policy);
            for (ScriptError error : runner.validate(one)) {
                problems.add(new ScriptProblem(script.getKey(), error.message()));
            }
        }
        return problems;
    }
}
