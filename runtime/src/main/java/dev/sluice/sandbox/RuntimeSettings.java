package dev.sluice.sandbox;

/**
 * Process-wide settings of the sandbox runtime (per-script-set limits live in {@link ScriptPolicy}).
 *
 * @param jsThreads how many platform threads run JS; every context lives on one of them
 * @param jsThreadStackBytes the stack of each JS thread; {@code stackFrames} must stay far below what it holds
 * @param cancelGraceMs how long a cancel may take before the runtime is marked unhealthy
 * @param maxConcurrent executions running at once over all script sets; excess is {@code busy}
 */
public record RuntimeSettings(int jsThreads, long jsThreadStackBytes, long cancelGraceMs, int maxConcurrent) {

    /** Two JS threads per core (at least four), 16 MiB stacks, a 5 s cancel grace and 1024 executions. */
    public static RuntimeSettings defaults() {
        return new RuntimeSettings(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), 16L << 20, 5_000,
                1024);
    }

    public RuntimeSettings {
        if (jsThreads < 1 || jsThreadStackBytes < (4L << 20) || cancelGraceMs < 1 || maxConcurrent < 1) {
            throw new IllegalArgumentException("jsThreads, cancelGraceMs and maxConcurrent must be positive and "
                    + "jsThreadStackBytes at least 4 MiB");
        }
    }
}
