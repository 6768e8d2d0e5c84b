package dev.sluice.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Management API's connection operations on JSON bodies: validates a POST or PATCH body completely (fields,
 * then scripts through the {@link ScriptValidator}) before anything is stored, and renders connections without
 * their configuration values. Every method is blocking (store and script compilation).
 */
public final class Connections {

    /** Longest accepted name (the column's size). */
    static final int NAME_LENGTH = 128;
    /** Longest accepted configuration value, in characters (fits MySQL's TEXT once encrypted). */
    static final int CONFIGURATION_VALUE_LENGTH = 8_192;
    private static final Set<String> TOP_LEVEL = Set.of("name", "strategy", "options", "enabled_clients",
            "display_name", "realms", "metadata", "is_domain_connection");
    private static final Set<String> BOOLEAN_OPTIONS = Set.of("enabledDatabaseCustomization", "import_mode",
            "requires_username", "disable_signup", "brute_force_protection", "enable_script_context");

    private final ConnectionStore store;
    private final ScriptValidator scripts;

    /**
     * @param store where connections live
     * @param scripts checks custom scripts before they are stored
     */
    public Connections(ConnectionStore store, ScriptValidator scripts) {
        this.store = store;
        this.scripts = scripts;
    }

    /**
     * Creates a connection from a POST body. Blocking.
     *
     * @throws ConnectionException 400 for an invalid body or script, 409 for a taken name; nothing stored then
     */
    public Connection create(JsonNode body) {
        ObjectNode object = object(body);
        if (!object.hasNonNull("strategy")) {
            throw ConnectionException.invalid("Payload validation error: Missing required property: strategy");
        }
        return store.create(draft(object, Optional.empty()));
    }

    /**
     * Changes connection {@code id} from a PATCH body; {@code options}, when present, replace all options.
     * Blocking.
     *
     * @throws ConnectionException 404 when absent, 400 for an invalid body or script, 409 for a taken name;
     *         nothing changed then
     */
    public Connection update(String id, JsonNode body) {
        ObjectNode object = object(body);
        Connection current = store.find(id).orElseThrow(() -> ConnectionException.notFound(id));
        return store.replace(id, draft(object, Optional.of(current)))
                .orElseThrow(() -> ConnectionException.notFound(id));
    }

    /** Connection {@code id}. Blocking. @throws ConnectionException 404 when absent */
    public Connection get(String id) {
        return store.find(id).orElseThrow(() -> ConnectionException.notFound(id));
    }

    /** Deletes connection {@code id}. Blocking. @throws ConnectionException 404 when absent */
    public void delete(String id) {
        if (!store.delete(id)) {
            throw ConnectionException.notFound(id);
        }
    }

    /** Offset paging, in id order. Blocking. */
    public ConnectionPage page(int offset, int limit) {
        return store.page(offset, limit);
    }

    /** Checkpoint paging after {@code from}, in id order. Blocking. */
    public ConnectionPage after(Optional<String> from, int take) {
        return store.after(from, take);
    }

    /**
     * The JSON a read answers: {@code id, name, strategy, options, enabled_clients, realms}. The options carry
     * the scripts but never the {@code configuration} (its values are secrets; the platform omits them too).
     */
    public static ObjectNode json(Connection connection) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", connection.id());
        node.put("name", connection.name());
        node.put("strategy", connection.strategy());
        ObjectNode options = connection.options().settings();
        ObjectNode customScripts = options.putObject("customScripts");
        connection.options().customScripts().forEach(customScripts::put);
        node.set("options", options);
        ArrayNode clients = node.putArray("enabled_clients");
        connection.enabledClients().forEach(clients::add);
        node.putArray("realms").add(connection.name());
        return node;
    }

    private ConnectionDraft draft(ObjectNode body, Optional<Connection> current) {
        for (String field : iterable(body)) {
            if (!TOP_LEVEL.contains(field)) {
                throw ConnectionException.invalid("Payload validation error: Additional properties not allowed: "
                        + field);
            }
        }
        String name = body.has("name") ? name(body.get("name"))
                : current.map(Connection::name).orElseThrow(() -> ConnectionException.invalid(
                        "Payload validation error: Missing required property: name"));
        if (body.has("strategy") && !"auth0".equals(body.get("strategy").asText(null))) {
            throw ConnectionException.invalid("Payload validation error: strategy must be 'auth0'"
                    + " (the only strategy Sluice serves)");
        }
        ConnectionOptions options = body.has("options") ? options(body.get("options"))
                : current.map(Connection::options).orElseGet(() -> new ConnectionOptions(Map.of(), Map.of(),
                        JsonNodeFactory.instance.objectNode()));
        List<String> clients = body.has("enabled_clients") ? clients(body.get("enabled_clients"))
                : current.map(Connection::enabledClients).orElse(List.of());
        List<ScriptProblem> problems = scripts.validate(options.customScripts());
        if (!problems.isEmpty()) {
            throw ConnectionException.invalid(problems.stream().map(ScriptProblem::message)
                    .collect(Collectors.joining("; ")));
        }
        return new ConnectionDraft(name, options, clients);
    }

    private static String name(JsonNode node) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw ConnectionException.invalid("Payload validation error: name must be a non-empty string");
        }
        String name = node.asText();
        if (name.length() > NAME_LENGTH || !name.equals(name.strip())) {
            throw ConnectionException.invalid("Payload validation error: name must have at most " + NAME_LENGTH
                    + " characters and no leading or trailing white space");
        }
        return name;
    }

    private static ConnectionOptions options(JsonNode node) {
        if (!node.isObject()) {
            throw ConnectionException.invalid("Payload validation error: options must be an object");
        }
        for (String flag : BOOLEAN_OPTIONS) {
            if (node.has(flag) && !node.get(flag).isBoolean()) {
                throw ConnectionException.invalid("Payload validation error: options." + flag
                        + " must be a boolean");
            }
        }
        Map<String, String> customScripts = strings(node.get("customScripts"), "options.customScripts", 0);
        Map<String, String> configuration = strings(node.get("configuration"), "options.configuration",
                CONFIGURATION_VALUE_LENGTH);
        return new ConnectionOptions(customScripts, configuration, (ObjectNode) node);
    }

    private static Map<String, String> strings(JsonNode node, String path, int maxLength) {
        Map<String, String> values = new TreeMap<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw ConnectionException.invalid("Payload validation error: " + path + " must be an object");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw ConnectionException.invalid("Payload validation error: " + path + "." + entry.getKey()
                        + " must be a string");
            }
            String key = entry.getKey();
            if (key.isEmpty() || key.length() > 255 || !key.equals(key.strip())) {
                throw ConnectionException.invalid("Payload validation error: " + path + " keys must have 1 to 255"
                        + " characters and no leading or trailing white space");
            }
            if (maxLength > 0 && entry.getValue().asText().length() > maxLength) {
                throw ConnectionException.invalid("Payload validation error: " + path + "." + key
                        + " must have at most " + maxLength + " characters");
            }
            values.put(key, entry.getValue().asText());
        }
        return values;
    }

    private static List<String> clients(JsonNode node) {
        if (!node.isArray()) {
            throw ConnectionException.invalid("Payload validation error: enabled_clients must be an array");
        }
        List<String> clients = new ArrayList<>();
        for (JsonNode client : node) {
            if (!client.isTextual()) {
                throw ConnectionException.invalid("Payload validation error: enabled_clients must hold strings");
            }
            clients.add(client.asText());
        }
        return clients;
    }

    private static ObjectNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ConnectionException.invalid("Payload validation error: the body must be a JSON object");
        }
        return (ObjectNode) body;
    }

    private static Iterable<String> iterable(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
