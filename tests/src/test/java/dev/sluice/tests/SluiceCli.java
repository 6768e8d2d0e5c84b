package dev.sluice.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real launcher, {@code bin/sluice}, as a subprocess from the repository root. */
final class SluiceCli {

    /** Generous: the launcher rebuilds the runtime jar when sources changed and probes the JIT once per JDK. */
    private static final long TIMEOUT_SECONDS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SluiceCli() {
    }

    /**
     * One finished run.
     *
     * @param exitCode the process's exit code
     * @param stdout everything it printed on stdout
     * @param stderr everything it printed on stderr
     */
    record Run(int exitCode, String stdout, String stderr) {

        /** The JSON report {@code sluice try} printed on stdout. */
        JsonNode report() {
            try {
                return JSON.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON (exit " + exitCode + "): " + stdout + "\nstderr: "
                        + stderr, e);
            }
        }
    }

    /**
     * A policy file for {@code sluice try --policy}: the defaults plus {@code allowLoopback}, because the test
     * databases listen on 127.0.0.1, which the default policy refuses. Deleted when the JVM exits.
     */
    static Path loopbackPolicyFile() {
        try {
            Path file = Files.createTempFile("sluice-policy", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, "{\"allowLoopback\": true}");
            return file;
        } catch (IOException e) {
            throw new AssertionError("cannot write a policy file", e);
        }
    }

    /** Runs {@code bin/sluice ARGS...} and waits for it. */
    static Run run(String... args) {
        Path root = MysqlTemplates.repoRoot();
        List<String> command = new ArrayList<>();
        command.add(root.resolve("bin/sluice").toString());
        command.addAll(List.of(args));
        try {
            Path stdout = Files.createTempFile("sluice-cli", ".out");
            Path stderr = Files.createTempFile("sluice-cli", ".err");
            try {
                Process process = new ProcessBuilder(command).directory(root.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    // bin/sluice execs java, but while it builds Maven runs as its child.
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new AssertionError("bin/sluice did not finish in " + TIMEOUT_SECONDS + " s: " + command);
                }
                return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                        Files.readString(stderr, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }
}
