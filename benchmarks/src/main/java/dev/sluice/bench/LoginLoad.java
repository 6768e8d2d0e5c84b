package dev.sluice.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A closed-loop login load: {@code clients} virtual threads, each sending its next login as soon as the previous one
 * answered, for a warm-up whose logins are discarded and then a measured window. Counted are the logins that
 * completed inside the window (the ones still in flight at its end are awaited, checked and dropped). The first
 * failed login (a non-200, a timeout) stops every client and fails the phase with the server's answer, so a result
 * always means zero errors.
 */
final class LoginLoad {

    /** The users a phase logs in. */
    interface Users {
        /** The next user's login name; empty when none is left (the phase then ends early). Thread-safe. */
        Optional<String> next();
    }

    /**
     * One phase's numbers.
     *
     * @param clients concurrent clients
     * @param logins logins completed inside the measured window
     * @param seconds the window's length (shorter than asked when the users ran out)
     * @param ranOut whether the users ran out before the window's planned end
     */
    record Result(int clients, int logins, double seconds, double perSecond, double p50Ms, double p99Ms,
            boolean ranOut) {
    }

    private LoginLoad() {
    }

    /**
     * Runs the phase; blocking. {@code loggedIn} hears every successful login, warm-up included.
     *
     * @throws IllegalStateException when a login fails, or the users run out before the window starts
     */
    static Result run(SluiceApi.Login login, String password, Users users, Consumer<String> loggedIn, int clients,
            Duration warmup, Duration measure) throws InterruptedException {
        long measureStart = System.nanoTime() + warmup.toNanos();
        long measureEnd = measureStart + measure.toNanos();
        AtomicLong ranOutAt = new AtomicLong(Long.MAX_VALUE);
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<List<long[]>> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            List<long[]> mine = new ArrayList<>();
            samples.add(mine);
            threads.add(Thread.ofVirtual().name("login-client-" + i).start(() -> {
                while (failure.get() == null && System.nanoTime() < measureEnd) {
                    Optional<String> user = users.next();
                    if (user.isEmpty()) {
                        ranOutAt.compareAndSet(Long.MAX_VALUE, System.nanoTime());
                        return;
                    }
                    long begin = System.nanoTime();
                    try {
                        login.send(user.get(), password);
                    } catch (IOException | RuntimeException e) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                    long end = System.nanoTime();
                    loggedIn.accept(user.get());
                    mine.add(new long[] {end, end - begin});
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a login failed at " + clients + " clients", failure.get());
        }
        long windowEnd = Math.min(measureEnd, ranOutAt.get());
        if (windowEnd <= measureStart) {
            throw new IllegalStateException("the users ran out during the warm-up at " + clients
                    + " clients; give the driver more legacy users");
        }
        long[] latencies = samples.stream().flatMap(List::stream)
                .filter(s -> s[0] >= measureStart && s[0] <= windowEnd).mapToLong(s -> s[1]).sorted().toArray();
        double seconds = (windowEnd - measureStart) / 1e9;
        return new Result(clients, latencies.length, seconds, latencies.length / seconds,
                percentileMs(latencies, 0.50), percentileMs(latencies, 0.99), windowEnd < measureEnd);
    }

    /** Nearest-rank percentile of sorted nanosecond values, in ms; NaN for none. */
    private static double percentileMs(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }
}
