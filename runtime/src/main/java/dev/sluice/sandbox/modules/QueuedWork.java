package dev.sluice.sandbox.modules;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Waiting for work a database session queued, from inside a {@link ModuleHost#runBlocking} callable. */
final class QueuedWork {

    private QueuedWork() {
    }

    /** Waits for {@code future} and rethrows its failure as thrown by the work. Blocking. */
    static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }
}
