package dev.sluice.sandbox;

import static dev.sluice.sandbox.Sandboxes.run;
import static dev.sluice.sandbox.Sandboxes.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.sandbox.modules.Modules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Warm contexts: reuse, recycling, concurrency limits. */
class ContextLifecycleTest {

    private static final String COUNTER = """
            function login(e, p, cb) {
              global.count = (global.count || 0) + 1;
              const finish = () => cb(null, {user_id: String(global.count)});
              if (e === 'wait') { setTimeout(finish, 300); } else { finish(); }
            }""";

    @RegisterExtension
    static final SandboxRunner runner = new SandboxRunner();

    private static String count(ScriptResult result) {
        assertThat(result.outcome()).isInstanceOf(ScriptOutcome.Success.class);
        return ((ScriptOutcome.Success) result.outcome()).value().path("user_id").asText();
    }

    @Test
    void a_context_is_replaced_after_its_execution_count() {
        ScriptSet scripts = set(ScriptKey.LOGIN, COUNTER, Map.of(), "{\"contextMaxExecutions\": 3}");

        List<String> counts = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            counts.add(count(run(runner, scripts, ScriptKey.LOGIN, "e", "p")));
        }

        assertThat(counts).containsExactly("1", "2", "3", "1", "2", "3", "1");
    }

    @Test
    void a_context_is_replaced_after_its_age() throws InterruptedException {
        ScriptSet scripts = set(ScriptKey.LOGIN, COUNTER, Map.of(), "{\"contextMaxAgeMs\": 200}");

        assertThat(count(run(runner, scripts, ScriptKey.LOGIN, "e", "p"))).isEqualTo("1");
        assertThat(count(run(runner, scripts, ScriptKey.LOGIN, "e", "p"))).isEqualTo("2");
        Thread.sleep(300); // the age limit itself is what is under test
        assertThat(count(run(runner, scripts, ScriptKey.LOGIN, "e", "p"))).isEqualTo("1");
    }

    @Test
    void excess_executions_of_one_script_set_are_busy_at_once() throws Exception {
        ScriptSet scripts = set(ScriptKey.LOGIN, COUNTER, Map.of(), "{\"maxConcurrentPerScriptSet\": 2}");
        List<JsonNode> waiting = List.of(TextNode.valueOf("wait"), TextNode.valueOf("p"));

        CompletableFuture<ScriptResult> first = runner.run(scripts, ScriptKey.LOGIN, waiting);
        CompletableFuture<ScriptResult> second = runner.run(scripts, ScriptKey.LOGIN, waiting);
        CompletableFuture<ScriptResult> third = runner.run(scripts, ScriptKey.LOGIN, waiting);

        assertThat(third).isCompleted();
        assertThat(third.get().outcome()).isInstanceOf(ScriptOutcome.Busy.class);
        assertThat(first.get(10, TimeUnit.SECONDS).outcome()).isInstanceOf(ScriptOutcome.Success.class);
        assertThat(second.get(10, TimeUnit.SECONDS).outcome()).isInstanceOf(ScriptOutcome.Success.class);
        assertThat(run(runner, scripts, ScriptKey.LOGIN, "e", "p").outcome())
                .isInstanceOf(ScriptOutcome.Success.class);
    }

    @Test
    void excess_executions_overall_are_busy_at_once() throws Exception {
        try (GraalScriptRunner small = new GraalScriptRunner(
                new RuntimeSettings(2, 16L << 20, 5_000, 1), Modules.builtIn())) {
            List<JsonNode> waiting = List.of(TextNode.valueOf("wait"), TextNode.valueOf("p"));
            CompletableFuture<ScriptResult> first = small.run(set(ScriptKey.LOGIN, COUNTER), ScriptKey.LOGIN, waiting);
            CompletableFuture<ScriptResult> other = small.run(set(ScriptKey.LOGIN, COUNTER), ScriptKey.LOGIN, waiting);

            assertThat(other.get().outcome()).isInstanceOf(ScriptOutcome.Busy.class);
            assertThat(first.get(10, TimeUnit.SECONDS).outcome()).isInstanceOf(ScriptOutcome.Success.class);
        }
    }

    @Test
    void concurrent_executions_of_one_set_get_separate_contexts_and_all_finish() throws Exception {
        ScriptSet scripts = set(ScriptKey.LOGIN, COUNTER);
        List<CompletableFuture<ScriptResult>> runs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            runs.add(runner.run(scripts, ScriptKey.LOGIN, List.of(TextNode.valueOf("wait"), TextNode.valueOf("p"))));
        }

        for (CompletableFuture<ScriptResult> run : runs) {
            assertThat(count(run.get(20, TimeUnit.SECONDS))).isEqualTo("1");
        }
    }

    @Test
    void a_changed_script_set_with_the_same_id_gets_new_contexts() {
        ScriptSet before = new ScriptSet("same-id", Map.of(ScriptKey.LOGIN, COUNTER), Map.of(),
                ScriptPolicy.defaults());
        ScriptSet after = new ScriptSet("same-id", Map.of(ScriptKey.LOGIN, COUNTER.replace("count", "other")),
                Map.of(), ScriptPolicy.defaults());

        run(runner, before, ScriptKey.LOGIN, "e", "p");
        assertThat(count(run(runner, before, ScriptKey.LOGIN, "e", "p"))).isEqualTo("2");
        assertThat(count(run(runner, after, ScriptKey.LOGIN, "e", "p"))).isEqualTo("1");
    }

    @Test
    void a_pool_is_abandoned_only_when_idle_for_longer_than_its_context_age() {
        ContextPool pool = new ContextPool(set(ScriptKey.LOGIN, COUNTER, Map.of(), "{\"contextMaxAgeMs\": 1000}"));
        long now = System.nanoTime();

        assertThat(pool.abandoned(now)).isFalse();
        assertThat(pool.abandoned(now + 2_000_000_000L)).isTrue();
        assertThat(pool.tryAcquire()).isTrue();
        assertThat(pool.abandoned(System.nanoTime() + 2_000_000_000L)).as("running").isFalse();
        pool.releasePermit();
    }

    @Test
    void health_reports_the_truffle_runtime() {
        RuntimeHealth health = runner.health();

        assertThat(health.healthy()).isTrue();
        assertThat(health.truffleRuntime()).isNotBlank();
    }
}
