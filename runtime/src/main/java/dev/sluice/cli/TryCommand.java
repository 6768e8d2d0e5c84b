package dev.sluice.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.RuntimeSettings;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptPolicy;
import dev.sluice.sandbox.ScriptResult;
import dev.sluice.sandbox.ScriptSet;
import dev.sluice.sandbox.modules.Modules;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sluice try FILE --key KEY [--config JSON|@file] [--policy FILE] -- ARG...}: runs one script once. */
@Command(name = "try", description = "Runs one script once and prints its outcome as JSON.",
        mixinStandardHelpOptions = true)
final class TryCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The script file.")
    private Path file;

    @Option(names = "--key", required = true, paramLabel = "KEY",
            description = "The script key: login, get_user, create, verify, change_password, delete, change_email.")
    private String key;

    @Option(names = "--config", paramLabel = "JSON|@FILE", description = "The configuration object.")
    private String config;

    @Option(names = "--policy", paramLabel = "FILE", description = "A sandbox policy merged over the defaults.")
    private Path policyFile;

    @Parameters(index = "1..*", paramLabel = "ARG",
            description = "The arguments before the callback: JSON where it parses, else a plain string.")
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        ScriptKey scriptKey = ScriptKey.of(key).orElseThrow(() -> usage("unknown --key '" + key
                + "'; one of " + String.join(", ", ScriptKey.names())));
        String source = read(file);
        Map<String, String> configuration = configuration();
        ScriptPolicy policy = policy();
        ScriptSet set = new ScriptSet("cli", Map.of(scriptKey, source), configuration, policy);
        try (GraalScriptRunner runner = new GraalScriptRunner(RuntimeSettings.defaults(), Modules.builtIn())) {
            ScriptResult result = runner.run(set, scriptKey, arguments()).join();
            PrintWriter out = spec.commandLine().getOut();
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(TryReport.of(result)));
            out.flush();
            return "success".equals(result.outcome().kind()) ? 0 : 1;
        }
    }

    private List<JsonNode> arguments() {
        List<JsonNode> out = new ArrayList<>();
        for (String arg : args) {
            out.add(parseOrText(arg));
        }
        return out;
    }

    private static JsonNode parseOrText(String arg) {
        try {
            return JSON.readTree(arg);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(arg);
        }
    }

    private Map<String, String> configuration() {
        if (config == null) {
            return Map.of();
        }
        String text = config.startsWith("@") ? read(Path.of(config.substring(1))) : config;
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw usage("--config is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw usage("--config must be a JSON object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        object.properties().forEach(entry -> out.put(entry.getKey(),
                entry.getValue().isTextual() ? entry.getValue().asText() : entry.getValue().toString()));
        return out;
    }

    private ScriptPolicy policy() {
        try {
            return policyFile == null ? ScriptPolicy.defaults() : ScriptPolicy.load(policyFile);
        } catch (ScriptPolicy.PolicyException e) {
            throw usage(e.getMessage());
        }
    }

    private String read(Path path) {
        try {
            return Files.readString(path);
        } catch (java.nio.file.NoSuchFileException e) {
            throw usage("cannot read " + path + ": no such file");
        } catch (IOException e) {
            throw usage("cannot read " + path + ": " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
