package dev.sluice.bench;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ceiling a login rate is compared with: raw bcrypt verifications per second on this machine, at the given cost,
 * with {@code threads} platform threads verifying in a loop. Same library and call as the server's
 * {@code PasswordHasher.verify} ({@code at.favre.lib:bcrypt}, {@code BCrypt.verifyer(null,
 * LongPasswordStrategies.none())}). Verifications finishing during the warm-up are not counted.
 */
final class BcryptBaseline {

    /** Verifications completed inside the measured window, its length, and the rate. */
    record Result(int threads, int verifications, double seconds, double perSecond) {
    }

    private BcryptBaseline() {
    }

    /** Measures; blocking for {@code warmup + measure} (plus one verification). */
    static Result measure(int threads, int cost, Duration warmup, Duration measure) throws InterruptedException {
        byte[] password = LegacyUsers.PASSWORD.getBytes(StandardCharsets.UTF_8);
        byte[] hash = BCrypt.with(BCrypt.Version.VERSION_2B).hash(cost, password);
        long measureStart = System.nanoTime() + warmup.toNanos();
        long measureEnd = measureStart + measure.toNanos();
        AtomicInteger counted = new AtomicInteger();
        AtomicBoolean mismatch = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().name("bcrypt-baseline-" + i).start(() -> {
                long end = System.nanoTime();
                while (end < measureEnd && !mismatch.get()) {
                    // A verifyer per call, as PasswordHasher.verify does.
                    if (!BCrypt.verifyer(null, LongPasswordStrategies.none()).verify(password, hash).verified) {
                        mismatch.set(true);
                    }
                    end = System.nanoTime();
                    if (end >= measureStart && end <= measureEnd) {
                        counted.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (mismatch.get()) {
            throw new IllegalStateException("the password did not verify against its own hash");
        }
        double seconds = measure.toNanos() / 1e9;
        return new Result(threads, counted.get(), seconds, counted.get() / seconds);
    }
}
