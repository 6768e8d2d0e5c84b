package dev.sluice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.RuntimeSettings;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptResult;
import dev.sluice.sandbox.ScriptSet;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Load driver (not JMH: one measurement is "start 1,000 at once, wait for all", and the thread count is the point):
 * 1,000 executions of a {@code login} that waits 200 ms with {@code setTimeout} and then calls back, started together
 * from one thread through {@code ScriptRunner.run} (which never blocks). Each round reports the wall time until the
 * last one completed and the JVM's peak live platform-thread count during the round (the peak is reset before it).
 * Round 1 is cold: every execution needs a new context, since a context serves one execution at a time. Later rounds
 * reuse those 1,000 warm contexts. A last round runs a new script set (a new id, so a new pool) in the now warm JVM:
 * 1,000 new contexts again, without the JVM's own warm-up, which separates context creation from JIT warm-up of the
 * Truffle interpreter. Target: well under 2 s, fewer than 100 threads.
 *
 * <p>Usage: {@code ConcurrentWaits [executions] [rounds]} (defaults 1000 and 6).
 */
public final class ConcurrentWaits {

    private static final String WAITING_LOGIN =
            "function login(e, p, cb) { setTimeout(function () { cb(null, {user_id: e}); }, 200); }";

    private ConcurrentWaits() {
    }

    public static void main(String[] argv) {
        int executions = argv.length > 0 ? Integer.parseInt(argv[0]) : 1000;
        int rounds = argv.length > 1 ? Integer.parseInt(argv[1]) : 6;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        RuntimeSettings defaults = RuntimeSettings.defaults();
        RuntimeSettings settings = new RuntimeSettings(defaults.jsThreads(), defaults.jsThreadStackBytes(),
                defaults.cancelGraceMs(), Math.max(executions, defaults.maxConcurrent()));
        int before = threads.getThreadCount();
        try (GraalScriptRunner runner = BenchScripts.runner(settings)) {
            ScriptSet set = BenchScripts.loginSet("bench-waits", WAITING_LOGIN, Map.of(),
                    "{\"maxConcurrentPerScriptSet\": " + executions + ", \"maxConcurrent\": " + executions + "}");
            System.out.printf("ConcurrentWaits: %d executions x 200 ms setTimeout, %d rounds, %d JS threads, "
                            + "Truffle %s; live threads before the runtime started: %d%n", executions, rounds,
                    settings.jsThreads(), runner.health().truffleRuntime(), before);
            long[] wallMs = new long[rounds];
            int[] peaks = new int[rounds];
            for (int round = 0; round < rounds; round++) {
                threads.resetPeakThreadCount();
                wallMs[round] = round(runner, set, executions);
                peaks[round] = threads.getPeakThreadCount();
                System.out.printf("round %d (%s): all %d done in %d ms; peak live threads %d%n", round + 1,
                        round == 0 ? "cold, new contexts" : "warm", executions, wallMs[round], peaks[round]);
            }
            ScriptSet renewed = BenchScripts.loginSet("bench-waits-renewed", WAITING_LOGIN, Map.of(),
                    "{\"maxConcurrentPerScriptSet\": " + executions + ", \"maxConcurrent\": " + executions + "}");
            threads.resetPeakThreadCount();
            long renewedMs = round(runner, renewed, executions);
            int renewedPeak = threads.getPeakThreadCount();
            System.out.printf("round %d (new script set in the warm JVM, new contexts): all %d done in %d ms; "
                    + "peak live threads %d%n", rounds + 1, executions, renewedMs, renewedPeak);
            long[] warm = Arrays.copyOfRange(wallMs, 1, rounds);
            Arrays.sort(warm);
            int peak = Math.max(renewedPeak, Arrays.stream(peaks).max().orElseThrow());
            System.out.printf("RESULT cold=%d ms, warm median=%d ms (min %d, max %d over %d rounds), "
                            + "new contexts in a warm JVM=%d ms, peak live threads=%d%n", wallMs[0],
                    warm.length == 0 ? -1 : warm[warm.length / 2], warm.length == 0 ? -1 : warm[0],
                    warm.length == 0 ? -1 : warm[warm.length - 1], warm.length, renewedMs, peak);
        }
    }

    /** Starts all executions, waits for every one, and returns the wall time in ms; fails on any non-success. */
    private static long round(GraalScriptRunner runner, ScriptSet set, int executions) {
        List<JsonNode> args = BenchScripts.args("alice@example.com", "secret");
        List<CompletableFuture<ScriptResult>> results = new ArrayList<>(executions);
        long start = System.nanoTime();
        for (int i = 0; i < executions; i++) {
            results.add(runner.run(set, ScriptKey.LOGIN, args));
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        long failed = results.stream().map(CompletableFuture::join)
                .filter(r -> !(r.outcome() instanceof ScriptOutcome.Success)).count();
        if (failed > 0) {
            ScriptResult first = results.stream().map(CompletableFuture::join)
                    .filter(r -> !(r.outcome() instanceof ScriptOutcome.Success)).findFirst().orElseThrow();
            throw new IllegalStateException(failed + " of " + executions + " executions did not succeed, e.g. "
                    + first.outcome());
        }
        return elapsed;
    }
}
