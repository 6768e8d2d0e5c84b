package dev.sluice.bench;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The baseline of {@link MariaDbLoginBenchmark}: verifying the same password against a cost-10 hash in plain Java,
 * with the library and the call the sandbox's {@code bcrypt} module uses ({@code at.favre.lib:bcrypt}, no long
 * password strategy), on the benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow"})
public class BcryptAloneBenchmark {

    private final byte[] password = LegacyUsers.PASSWORD.getBytes(StandardCharsets.UTF_8);
    private byte[] hash;

    @Setup
    public void start() {
        hash = BCrypt.with(BCrypt.Version.VERSION_2B).hash(LegacyUsers.COST, password);
    }

    @Benchmark
    public boolean bcryptVerifyAlone() {
        BCrypt.Result result = BCrypt.verifyer(null, LongPasswordStrategies.none()).verify(password, hash);
        if (!result.verified) {
            throw new IllegalStateException("the password did not verify");
        }
        return result.verified;
    }
}
