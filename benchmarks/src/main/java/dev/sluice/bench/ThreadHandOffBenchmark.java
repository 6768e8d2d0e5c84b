package dev.sluice.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
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
 * Experimental control for {@link WarmCallBenchmark}: the bare thread hand-off its path contains, with no JS. The
 * caller posts a task to a platform thread that takes tasks from a {@link LinkedBlockingQueue} (as {@code JsThread}
 * does) and waits on a {@link CompletableFuture} the task completes (as {@code ScriptRunner.run().join()} does).
 * Two thread wake-ups per call; the runtime cannot go below this while a context stays on its own thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow"})
public class ThreadHandOffBenchmark {

    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private Thread worker;

    @Setup
    public void start() {
        worker = new Thread(null, () -> {
            try {
                while (true) {
                    tasks.take().run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hand-off", 16L << 20);
        worker.setDaemon(true);
        worker.start();
    }

    @TearDown
    public void stop() {
        worker.interrupt();
    }

    @Benchmark
    public String postAndJoin() {
        CompletableFuture<String> done = new CompletableFuture<>();
        tasks.add(() -> done.complete("alice@example.com"));
        return done.join();
    }
}
