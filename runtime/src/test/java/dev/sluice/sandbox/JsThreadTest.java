package dev.sluice.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** {@link JsThread}'s queue: spin, then park; a task posted while it parks (or just before) is never left waiting. */
class JsThreadTest {

    @Test
    void tasks_posted_while_the_thread_spins_or_parks_all_run_in_each_posters_order() throws Exception {
        JsThread thread = new JsThread("js-thread-test", 4L << 20);
        int posters = 4;
        int tasksEach = 2_000;
        List<List<Integer>> seen = new ArrayList<>();
        for (int i = 0; i < posters; i++) {
            seen.add(new ArrayList<>());
        }
        CountDownLatch done = new CountDownLatch(posters * tasksEach);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < posters; p++) {
            int poster = p;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < tasksEach; i++) {
                    int n = i;
                    thread.post(() -> {
                        seen.get(poster).add(n); // only the JS thread writes these lists
                        done.countDown();
                    });
                    if (i % 50 == 0) {
                        // Longer than the spin: the JS thread parks, and the next post must wake it.
                        LockSupport.parkNanos(JsThread.SPIN_NANOS * 3);
                    }
                }
            }));
        }
        for (Thread poster : threads) {
            poster.join();
        }

        assertThat(done.await(30, TimeUnit.SECONDS)).as("every task ran").isTrue();
        CountDownLatch last = new CountDownLatch(1);
        thread.post(last::countDown);
        assertThat(last.await(10, TimeUnit.SECONDS)).isTrue();
        for (List<Integer> order : seen) {
            assertThat(order).hasSize(tasksEach).isSorted();
        }
        assertThat(thread.load()).isZero();
        thread.stop();
    }
}
