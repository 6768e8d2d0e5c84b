package dev.sluice.sandbox;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/** Evaluates one script of a set to its function, or explains precisely why it does not load. */
final class ScriptLoader {

    private ScriptLoader() {
    }

    /**
     * The script's function. Tries the script as one function expression first (named, anonymous, async or arrow)
     * and, when that does not parse, as a program declaring a function under one of the key's usual names (for
     * scripts that define helpers beside it).
     */
    static Value load(Context context, ScriptSources sources, ScriptKey key) {
        Value wrapper;
        try {
            wrapper = context.eval(sources.expression(key));
        } catch (PolyglotException expressionError) {
            if (!expressionError.isSyntaxError()) {
                throw expressionError;
            }
            try {
                wrapper = context.eval(sources.program(key));
            } catch (PolyglotException programError) {
                if (!programError.isSyntaxError()) {
                    throw programError;
                }
                throw new ScriptLoadException(syntaxError(key, expressionError));
            }
        }
        Value function = wrapper.execute();
        if (!function.canExecute()) {
            throw new ScriptLoadException(ScriptError.of("Error", "script '" + key.key()
                    + "' must be a function (named " + String.join(", ", key.functionNames()) + ", or anonymous)"));
        }
        return function;
    }

    private static ScriptError syntaxError(ScriptKey key, PolyglotException e) {
        SourceSection where = e.getSourceLocation();
        String line = where == null ? "" : " at line " + where.getStartLine();
        String message = e.getMessage() == null ? "syntax error" : e.getMessage();
        return ScriptError.of("SyntaxError", "script '" + key.key() + "' does not parse" + line + ": " + message);
    }
}
