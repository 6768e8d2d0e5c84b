package dev.sluice.sandbox;

/** A script that does not load: a syntax error (with its line), or a source that is not a function. */
final class ScriptLoadException extends RuntimeException {

    private final ScriptError error;

    ScriptLoadException(ScriptError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    ScriptError error() {
        return error;
    }
}
