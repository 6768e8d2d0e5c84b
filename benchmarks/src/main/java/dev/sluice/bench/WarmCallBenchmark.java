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
 * A warm trivial {@code login} through the whole {@code ScriptRunner.run} path: the caller's thread hands the call
 * to the context's JS thread, the script calls back at once, and the caller gets the result. One context serves
 * every call (the default policy reuses it 10,000 times; the pool then makes a new one, which SampleTime shows as
 * a rare ~1 ms outlier, not in the median). Target: median ≤ 10 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow"})
public class WarmCallBenchmark {

    private GraalScriptRunner runner;
    private ScriptSet set;
    private final List<JsonNode> args = BenchScripts.args("alice@example.com", "secret");

    @Setup
    public void start() {
        runner = BenchScripts.runner();
        set = BenchScripts.loginSet("bench-warm", BenchScripts.TRIVIAL_LOGIN, Map.of(), "{}");
        BenchScripts.login(runner, set, args);
    }

    @TearDown
    public void stop() {
        runner.close();
    }

    @Benchmark
    public JsonNode warmTrivialLogin() {
        return BenchScripts.login(runner, set, args);
    }
}
