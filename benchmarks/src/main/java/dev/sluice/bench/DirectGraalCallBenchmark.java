package dev.sluice.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under {@link WarmCallBenchmark}: the same trivial {@code login} called straight into a warm GraalJS
 * context on the benchmark thread, with a host callback, and no runner (no thread hand-off, no bootstrap
 * {@code invoke}, no JSON, no metering, no timers). The context is built with the options of the runtime's
 * {@code SandboxEngine} (copied here, as that class is package-private), so the difference between the two
 * benchmarks is what the runner adds per call. This is the closest equivalent of Node's isolated-vm "call with a
 * host callback" (≈ 8 µs here).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow"})
public class DirectGraalCallBenchmark {

    private Engine engine;
    private Context context;
    private Value login;
    private Value[] result;
    private ProxyExecutable callback;

    @Setup
    public void start() {
        engine = Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        context = Context.newBuilder("js")
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
                .option("sandbox.MaxStackFrames", "1500")
                .build();
        context.eval("js", BenchScripts.TRIVIAL_LOGIN);
        login = context.getBindings("js").getMember("login");
        callback = args -> {
            result = args;
            return null;
        };
        call();
    }

    @TearDown
    public void stop() {
        context.close(true);
        engine.close(true);
    }

    @Benchmark
    public String call() {
        login.execute("alice@example.com", "secret", callback);
        return result[1].getMember("user_id").asString();
    }
}
