package dev.sluice.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sluice} command line: {@code serve} starts the server, {@code try} runs one script once. */
@Command(name = "sluice", mixinStandardHelpOptions = true, version = "sluice 0.1.0",
        description = "Runs database action scripts in a sandbox and migrates users lazily.",
        subcommands = {ServeCommand.class, TryCommand.class})
public final class Main {

    /** The MongoDB driver logs every connection at INFO; held here because JUL keeps loggers weakly. */
    private static final java.util.logging.Logger MONGO_DRIVER_LOG =
            java.util.logging.Logger.getLogger("org.mongodb.driver");

    public static void main(String[] args) {
        // One line per log record on stderr; stdout is for command output only.
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT %4$s %3$s: %5$s%6$s%n");
        MONGO_DRIVER_LOG.setLevel(java.util.logging.Level.WARNING);
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExitCodeExceptionMapper(e -> 2);
        // `--config @file` is ours to read: picocli would otherwise expand it as an argument file (and split the JSON).
        commandLine.setExpandAtFiles(false);
        System.exit(commandLine.execute(args));
    }
}
