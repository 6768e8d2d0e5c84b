package dev.sluice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.ScriptSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * The trivial {@code login} with a fresh context for every call: the policy's {@code contextMaxExecutions} is 1, so
 * a context is never reused ({@code SandboxContext.reusable}) and the pool drops it after its one execution. Each
 * call pays context creation, the bootstrap, the script's evaluation (its parse is cached by the shared engine) and
 * the close, which happens on the JS thread before the result completes. Node's fresh isolate here: ≈ 1.4 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow"})
public class FreshContextBenchmark {

    private GraalScriptRunner runner;
    private ScriptSet set;
    private final List<JsonNode> args = BenchScripts.args("alice@example.com", "secret");

    @Setup
    public void start() {
        runner = BenchScripts.runner();
        set = BenchScripts.loginSet("bench-fresh", BenchScripts.TRIVIAL_LOGIN, Map.of(),
                "{\"contextMaxExecutions\": 1}");
        BenchScripts.login(runner, set, args);
    }

    @TearDown
    public void stop() {
        runner.close();
    }

    @Benchmark
    public JsonNode freshContextTrivialLogin() {
        return BenchScripts.login(runner, set, args);
    }
}
