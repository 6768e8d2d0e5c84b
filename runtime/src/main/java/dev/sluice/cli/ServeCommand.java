package dev.sluice.cli;

import dev.sluice.config.AdminClientConfig;
import dev.sluice.config.ConfigException;
import dev.sluice.config.ConfigLoader;
import dev.sluice.config.SluiceConfig;
import dev.sluice.http.HttpServerException;
import dev.sluice.store.StoreException;
import dev.sluice.token.SigningKeyStoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sluice serve}: loads the configuration (environment and {@code SLUICE_CONFIG}), starts the server and runs
 * until SIGTERM or SIGINT, when a shutdown hook stops it. Exit code 2 for a bad setting (the message names it), 1
 * when the store, the signing keys or the port cannot be opened.
 */
@Command(name = "serve", description = "Starts the server (configuration: docs/configuration.md).",
        mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(ServeCommand.class.getName());

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        SluiceConfig config;
        try {
            config = ConfigLoader.load(System.getenv(), Path.of(""));
        } catch (ConfigException e) {
            return refuse(e.getMessage(), 2);
        }
        ServerNode node;
        try {
            node = ServerNode.start(config);
        } catch (StoreException | SigningKeyStoreException | HttpServerException | IllegalArgumentException e) {
            return refuse("sluice: cannot start: " + e.getMessage(), 1);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("sluice-shutdown").unstarted(() -> {
            // No logging here: JUL's own shutdown hook may already have closed its handlers.
            node.close();
            stopped.countDown();
        }));
        LOG.info(() -> "Sluice is listening on http://localhost:" + node.port() + "/ (issuer " + config.issuer().url()
                + ", Truffle runtime " + node.truffleRuntime() + "); " + adminClient(config.adminClient()));
        stopped.await();
        return 0;
    }

    private static String adminClient(AdminClientConfig client) {
        return client.file().map(file -> "admin client '" + client.id() + "': credentials in " + file)
                .orElse("admin client '" + client.id() + "' from SLUICE_ADMIN_CLIENT_ID/_SECRET");
    }

    private int refuse(String message, int exitCode) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(message);
        err.flush();
        return exitCode;
    }
}
