package dev.sluice.sandbox;

import static dev.sluice.sandbox.Sandboxes.run;
import static dev.sluice.sandbox.Sandboxes.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sandbox.modules.HostObject;
import dev.sluice.sandbox.modules.Modules;
import dev.sluice.sandbox.modules.NodeModule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CancelGraceTest {

    /** A test-only module (facade in src/test/resources) whose host call spins and ignores interrupts. */
    private static final NodeModule STALL = new NodeModule("stall", host -> new HostObject().fn("spin", args -> {
        long end = System.nanoTime() + args[0].asLong() * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        return null;
    }).build());

    @Test
    void a_cancel_that_outlasts_its_grace_period_marks_the_runtime_unhealthy_until_the_thread_is_back() throws InterruptedException {
        // A host call that ignores interrupts cannot be cancelled: the JS thread stays busy for 2 s.
        try (GraalScriptRunner runner = new GraalScriptRunner(new RuntimeSettings(2, 16L << 20, 200, 100),
                Modules.builtIn().with(STALL))) {
            ScriptResult result = run(runner, set(ScriptKey.LOGIN,
                    "function login(e, p, cb) { require('stall').spin(2000); cb(null, {user_id: e}); }",
                    Map.of(), "{\"wallTimeMs\": 300, \"cpuTimeMs\": 60000, \"modules\": [\"stall\"]}"),
                    ScriptKey.LOGIN, "e", "p");

            assertThat(result.outcome()).isEqualTo(new ScriptOutcome.Limit("wallTimeMs",
                    "the script did not finish within 300 ms"));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (runner.health().healthy() && System.nanoTime() < deadline) {
                Thread.sleep(20); // polling the health check itself, bounded by the deadline
            }
            RuntimeHealth health = runner.health();
            assertThat(health.healthy()).isFalse();
            assertThat(health.problems()).singleElement().asString().contains("did not complete within 200 ms");

            // The spin ends after 2 s and the thread unwinds: the runtime is healthy again.
            while (!runner.health().healthy() && System.nanoTime() < deadline) {
                Thread.sleep(20); // polling the health check itself, bounded by the deadline
            }
            assertThat(runner.health().problems()).isEmpty();
            assertThat(run(runner, set(ScriptKey.LOGIN, "function login(e, p, cb) { cb(null, {user_id: e}); }"),
                    ScriptKey.LOGIN, "e", "p").outcome()).isInstanceOf(ScriptOutcome.Success.class);
        }
    }

    @Test
    void a_prompt_cancel_leaves_the_runtime_healthy() {
        try (GraalScriptRunner runner = new GraalScriptRunner(new RuntimeSettings(2, 16L << 20, 2_000, 100),
                Modules.builtIn())) {
            ScriptResult result = run(runner, set(ScriptKey.LOGIN, "function login(e, p, cb) { for (;;) {} }",
                    Map.of(), "{\"wallTimeMs\": 300, \"cpuTimeMs\": 60000}"), ScriptKey.LOGIN, "e", "p");

            assertThat(result.outcome()).isInstanceOf(ScriptOutcome.Limit.class);
            assertThat(run(runner, set(ScriptKey.LOGIN, "function login(e, p, cb) { cb(null, {user_id: e}); }"),
                    ScriptKey.LOGIN, "e", "p").outcome()).isInstanceOf(ScriptOutcome.Success.class);
            assertThat(runner.health().healthy()).isTrue();
        }
    }
}
