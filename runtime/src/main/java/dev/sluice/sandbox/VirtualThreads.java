package dev.sluice.sandbox;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Where blocking host work (JDBC, bcrypt, HTTP) runs, so that a waiting execution holds no JS thread. */
final class VirtualThreads implements AutoCloseable {

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("sluice-host-", 0).factory());

    void submit(Runnable work) {
        executor.execute(work);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
