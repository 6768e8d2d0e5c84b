package dev.sluice.sandbox;

import java.io.InputStream;
import java.io.OutputStream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.SandboxPolicy;

/**
 * The one shared GraalJS engine (parsed sources are cached across its contexts) and the one context
 * configuration every script set gets: {@link SandboxPolicy#CONSTRAINED}, {@link HostAccess#CONSTRAINED}, no host
 * class lookup (never configured at all: even a deny-all filter makes {@code Java} appear), no IO, threads,
 * processes, native access, polyglot or environment, and no {@code load}, {@code print} or {@code Graal} globals.
 */
final class SandboxEngine implements AutoCloseable {

    private final Engine engine;

    SandboxEngine() {
        this.engine = Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
    }

    /** The active Truffle runtime, e.g. {@code Interpreted}, for the startup log and the health check. */
    String implementationName() {
        return engine.getImplementationName();
    }

    /**
     * A new context; must be called on the JS thread that will own it. {@code stackFrames} keeps guest recursion
     * far from the end of the thread's real stack. CPU time is metered by Sluice ({@link ResourceWatchdog}), not by
     * GraalJS's {@code sandbox.MaxCPUTime}, whose clock reads on every context enter and leave cost more than a
     * third of a warm call.
     */
    Context newContext(int stackFrames) {
        return Context.newBuilder("js")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowHostAccess(HostAccess.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .in(InputStream.nullInputStream())
                .option("js.load", "false")
                .option("js.print", "false")
                .option("js.graal-builtin", "false")
                .option("js.unhandled-rejections", "throw")
                .option("sandbox.MaxStackFrames", Integer.toString(stackFrames))
                .build();
    }

    @Override
    public void close() {
        engine.close(true);
    }
}
