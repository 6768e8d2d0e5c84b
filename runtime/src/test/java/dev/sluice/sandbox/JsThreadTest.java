package dev.sluice.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * {@link JsThread}'s queue (spin, then park; a task posted while it parks, or just before, is never left waiting)
 * and its metering of slices (what a slice is charged, with and without the watchdog's samples).
 */
class JsThreadTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

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

    @Test
    void a_slice_the_watchdog_never_sees_is_charged_its_wall_time() throws Exception {
        JsThread thread = new JsThread("js-thread-test", 4L << 20);
        Meter meter = new Meter(ScriptPolicy.defaults(), (limit, message) -> { });
        long[] wall = new long[1];
        CountDownLatch done = runOn(thread, () -> {
            long start = System.nanoTime();
            thread.runSlice(meter, () -> burnCpu(20));
            wall[0] = System.nanoTime() - start;
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();

        // No sample was taken: the charge is the slice's own wall time (at least the CPU it burned).
        assertThat(meter.cpuNanos()).isBetween(TimeUnit.MILLISECONDS.toNanos(20), wall[0]);
        thread.stop();
    }

    @Test
    void a_slice_the_watchdog_sees_is_charged_its_cpu_time_and_samples_grow_with_it() throws Exception {
        JsThread thread = new JsThread("js-thread-test", 4L << 20);
        Meter meter = new Meter(ScriptPolicy.defaults(), (limit, message) -> { });
        List<Long> samples = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch sampled = new CountDownLatch(1);
        long[] cpuInSlice = new long[1];
        long[] wall = new long[1];
        CountDownLatch done = runOn(thread, () -> {
            long start = System.nanoTime();
            thread.runSlice(meter, () -> {
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                started.countDown();
                // Burns CPU until the test thread has taken its samples, then a little more.
                while (sampled.getCount() > 0) {
                    burnCpu(1);
                }
                burnCpu(20);
                cpuInSlice[0] = THREADS.getCurrentThreadCpuTime()
                        - cpuStart;
            });
            wall[0] = System.nanoTime() - start;
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 3; i++) {
            thread.sample((sampledMeter, allocated, cpu) -> {
                assertThat(sampledMeter).isSameAs(meter);
                samples.add(cpu);
            });
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(15));
        }
        sampled.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(samples).hasSize(3).isSorted();
        assertThat(samples.get(2)).isGreaterThan(samples.get(0));
        // Charged: wall time until the first sample, then CPU time; never more than the slice's wall time, never
        // less than the CPU it burned after the first sample.
        assertThat(meter.cpuNanos()).isLessThanOrEqualTo(wall[0]).isGreaterThanOrEqualTo(cpuInSlice[0]
                - (samples.get(0) + TimeUnit.MILLISECONDS.toNanos(1)));
        assertThat(meter.cpuNanos()).isGreaterThanOrEqualTo(samples.get(2));
        thread.stop();
    }

    /** Posts {@code task} to {@code thread}; the latch opens when it has run. */
    private static CountDownLatch runOn(JsThread thread, Runnable task) {
        CountDownLatch done = new CountDownLatch(1);
        thread.post(() -> {
            try {
                task.run();
            } finally {
                done.countDown();
            }
        });
        return done;
    }

    private static void burnCpu(long millis) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long until = cpu + TimeUnit.MILLISECONDS.toNanos(millis);
        while (THREADS.getCurrentThreadCpuTime() < until) {
            Thread.onSpinWait();
        }
    }
}
