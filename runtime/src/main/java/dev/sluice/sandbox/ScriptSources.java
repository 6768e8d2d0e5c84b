package dev.sluice.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.graalvm.polyglot.Source;

/**
 * The parsed-once sources of one script set. A script holds one function (named or anonymous, possibly
 * {@code async}); it is wrapped so that evaluating it yields that function. The wrapper starts on the script's
 * first line, so line numbers in errors are the script's own.
 */
final class ScriptSources {

    private final Map<ScriptKey, Source> asExpression = new EnumMap<>(ScriptKey.class);
    private final Map<ScriptKey, Source> asProgram = new EnumMap<>(ScriptKey.class);

    ScriptSources(ScriptSet set) {
        set.scripts().forEach((key, source) -> {
            asExpression.put(key, source(key, "(function () { return (" + trimEnd(source) + "\n); })"));
            asProgram.put(key, source(key, "(function () { " + source + "\n;" + pick(key) + " })"));
        });
    }

    /** The script as a parenthesized expression: works for any single function, named or not. */
    Source expression(ScriptKey key) {
        return asExpression.get(key);
    }

    /** The script as a program that declares its function under one of the key's usual names. */
    Source program(ScriptKey key) {
        return asProgram.get(key);
    }

    private static Source source(ScriptKey key, String text) {
        return Source.newBuilder("js", text, key.key() + ".js").cached(true).buildLiteral();
    }

    private static String pick(ScriptKey key) {
        StringBuilder out = new StringBuilder();
        for (String name : key.functionNames()) {
            out.append("if (typeof ").append(name).append(" === 'function') { return ").append(name).append("; } ");
        }
        return out.append("return undefined;").toString();
    }

    /** Drops trailing whitespace and semicolons, which a parenthesized expression cannot hold. */
    private static String trimEnd(String source) {
        int end = source.length();
        while (end > 0 && (Character.isWhitespace(source.charAt(end - 1)) || source.charAt(end - 1) == ';')) {
            end--;
        }
        return source.substring(0, end);
    }

    /** The first script of {@code set} over the policy's {@code scriptBytes}, as a load failure. */
    static Optional<ScriptError> oversize(ScriptSet set) {
        for (Map.Entry<ScriptKey, String> script : set.scripts().entrySet()) {
            int bytes = script.getValue().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > set.policy().scriptBytes()) {
                return Optional.of(ScriptError.of("Error", "script '" + script.getKey().key() + "' is " + bytes
                        + " bytes; the limit (scriptBytes) is " + set.policy().scriptBytes()));
            }
        }
        return Optional.empty();
    }
}
