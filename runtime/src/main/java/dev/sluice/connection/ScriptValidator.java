package dev.sluice.connection;

import java.util.List;
import java.util.Map;

/**
 * Checks a connection's custom scripts before they are stored. The CLI implements it over the sandbox (which this
 * package must not import).
 */
public interface ScriptValidator {

    /**
     * Parses every script without running it. Blocking (compiles the sources).
     *
     * @param customScripts script key to JS source, as sent by the client
     * @return one problem per script that is refused (unknown key, syntax error, oversize), in key order; empty
     *         when every script loads. Never throws for bad scripts.
     */
    List<ScriptProblem> validate(Map<String, String> customScripts);
}
