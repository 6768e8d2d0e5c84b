package dev.sluice.cli;

import org.graalvm.polyglot.Engine;

/** Prints the Truffle runtime this JVM gets ({@code Interpreted} when no optimizing compiler is live). */
public final class RuntimeProbe {

    private RuntimeProbe() {
    }

    public static void main(String[] args) {
        try (Engine engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
            System.out.println(engine.getImplementationName());
        }
    }
}
