package dev.sluice.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.store.Dialect;
import dev.sluice.store.StoreException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * {@link ConnectionStore} over plain JDBC (V3__connections.sql). Scripts live in {@code connection_scripts}, cut
 * into parts of at most {@value #PART_CHARS} characters so that every part fits MySQL's 64 KiB TEXT in utf8mb4;
 * configuration values live encrypted in {@code connection_configuration}, one row (and one nonce) per value.
 * Every write runs in one transaction: a failure leaves nothing behind.
 */
public final class JdbcConnectionStore implements ConnectionStore {

    /** Characters per stored script part: 4 bytes each in utf8mb4 stays under 65,535 bytes. */
    static final int PART_CHARS = 16_000;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String COLUMNS = "id, name, strategy, options, enabled_clients, created_at, updated_at";

    private final DataSource dataSource;
    private final Dialect dialect;
    private final ConfigurationCipher cipher;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param dataSource the store's pool (auto-commit connections)
     * @param dialect its database family, to recognise unique violations
     * @param cipher encrypts configuration values
     * @param clock the time stamps' source
     */
    public JdbcConnectionStore(DataSource dataSource, Dialect dialect, ConfigurationCipher cipher, Clock clock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public Connection create(ConnectionDraft draft) {
        String id = newId();
        long now = clock.millis();
        inTransaction(sql -> {
            try (PreparedStatement insert = sql.prepareStatement("INSERT INTO connections (" + COLUMNS
                    + ") VALUES (?, ?, 'auth0', ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, draft.name());
                insert.setString(3, write(draft.options().settings()));
                insert.setString(4, write(draft.enabledClients()));
                insert.setLong(5, now);
                insert.setLong(6, now);
                insert.executeUpdate();
            }
            insertChildren(sql, id, draft.options());
            return null;
        }, draft.name());
        return find(id).orElseThrow();
    }

    @Override
    public Optional<Connection> find(String id) {
        return inTransaction(sql -> {
            try (PreparedStatement select = sql.prepareStatement("SELECT " + COLUMNS
                    + " FROM connections WHERE id = ?")) {
                select.setString(1, id);
                List<Connection> found = read(sql, select);
                return found.stream().findFirst();
            }
        }, "");
    }

    @Override
    public Optional<Connection> findByName(String name) {
        return inTransaction(sql -> {
            try (PreparedStatement select = sql.prepareStatement("SELECT " + COLUMNS
                    + " FROM connections WHERE name = ?")) {
                select.setString(1, name);
                List<Connection> found = read(sql, select);
                return found.stream().findFirst();
            }
        }, "");
    }

    @Override
    public Optional<Connection> replace(String id, ConnectionDraft draft) {
        boolean updated = inTransaction(sql -> {
            try (PreparedStatement update = sql.prepareStatement("UPDATE connections SET name = ?, options = ?,"
                    + " enabled_clients = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, draft.name());
                update.setString(2, write(draft.options().settings()));
                update.setString(3, write(draft.enabledClients()));
                update.setLong(4, clock.millis());
                update.setString(5, id);
                if (update.executeUpdate() == 0) {
                    return false;
                }
            }
            deleteChildren(sql, id);
            insertChildren(sql, id, draft.options());
            return true;
        }, draft.name());
        return updated ? find(id) : Optional.empty();
    }

    @Override
    public boolean delete(String id) {
        return inTransaction(sql -> {
            deleteChildren(sql, id);
            try (PreparedStatement delete = sql.prepareStatement("DELETE FROM connections WHERE id = ?")) {
                delete.setString(1, id);
                return delete.executeUpdate() > 0;
            }
        }, "");
    }

    @Override
    public ConnectionPage page(int offset, int limit) {
        return inTransaction(sql -> {
            List<Connection> connections;
            try (PreparedStatement select = sql.prepareStatement("SELECT " + COLUMNS
                    + " FROM connections ORDER BY id LIMIT ? OFFSET ?")) {
                select.setInt(1, limit);
                select.setInt(2, offset);
                connections = read(sql, select);
            }
            long total = count(sql);
            return new ConnectionPage(connections, total,
                    offset + connections.size() < total && !connections.isEmpty()
                            ? Optional.of(connections.getLast().id()) : Optional.empty());
        }, "");
    }

    @Override
    public ConnectionPage after(Optional<String> from, int take) {
        return inTransaction(sql -> {
            List<Connection> connections;
            try (PreparedStatement select = sql.prepareStatement("SELECT " + COLUMNS + " FROM connections"
                    + (from.isPresent() ? " WHERE id > ?" : "") + " ORDER BY id LIMIT ?")) {
                int index = 1;
                if (from.isPresent()) {
                    select.setString(index++, from.get());
                }
                select.setInt(index, take + 1);
                connections = new ArrayList<>(read(sql, select));
            }
            Optional<String> next = Optional.empty();
            if (connections.size() > take) {
                connections.removeLast();
                next = Optional.of(connections.getLast().id());
            }
            return new ConnectionPage(connections, count(sql), next);
        }, "");
    }

    private long count(java.sql.Connection sql) throws SQLException {
        try (PreparedStatement count = sql.prepareStatement("SELECT COUNT(*) FROM connections");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void insertChildren(java.sql.Connection sql, String id, ConnectionOptions options) throws SQLException {
        try (PreparedStatement script = sql.prepareStatement("INSERT INTO connection_scripts"
                + " (connection_id, script_key, part_no, source) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, String> entry : options.customScripts().entrySet()) {
                String source = entry.getValue();
                int part = 0;
                for (int start = 0; start < source.length() || part == 0; start += PART_CHARS) {
                    int end = Math.min(source.length(), start + PART_CHARS);
                    if (end < source.length() && Character.isHighSurrogate(source.charAt(end - 1))) {
                        end--; // never split a surrogate pair: each part must be valid UTF-16 on its own
                    }
                    script.setString(1, id);
                    script.setString(2, entry.getKey());
                    script.setInt(3, part++);
                    script.setString(4, source.substring(start, end));
                    script.addBatch();
                    start = end - PART_CHARS;
                }
            }
            script.executeBatch();
        }
        try (PreparedStatement value = sql.prepareStatement("INSERT INTO connection_configuration"
                + " (connection_id, name, value_encrypted) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> entry : options.configuration().entrySet()) {
                value.setString(1, id);
                value.setString(2, entry.getKey());
                value.setString(3, cipher.encrypt(id, entry.getKey(), entry.getValue()));
                value.addBatch();
            }
            value.executeBatch();
        }
    }

    private static void deleteChildren(java.sql.Connection sql, String id) throws SQLException {
        for (String table : List.of("connection_scripts", "connection_configuration")) {
            try (PreparedStatement delete = sql.prepareStatement("DELETE FROM " + table
                    + " WHERE connection_id = ?")) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
        }
    }

    private List<Connection> read(java.sql.Connection sql, PreparedStatement select) throws SQLException {
        List<Connection> connections = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString("id");
                ObjectNode settings = (ObjectNode) parse(rows.getString("options"));
                List<String> clients = new ArrayList<>();
                parse(rows.getString("enabled_clients")).forEach(client -> clients.add(client.asText()));
                ConnectionOptions options = new ConnectionOptions(scripts(sql, id), configuration(sql, id), settings);
                connections.add(new Connection(id, rows.getString("name"), rows.getString("strategy"), options,
                        clients, Instant.ofEpochMilli(rows.getLong("created_at")),
                        Instant.ofEpochMilli(rows.getLong("updated_at"))));
            }
        }
        return connections;
    }

    private static Map<String, String> scripts(java.sql.Connection sql, String id) throws SQLException {
        Map<String, StringBuilder> sources = new LinkedHashMap<>();
        try (PreparedStatement select = sql.prepareStatement("SELECT script_key, source FROM connection_scripts"
                + " WHERE connection_id = ? ORDER BY script_key, part_no")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sources.computeIfAbsent(rows.getString(1), key -> new StringBuilder()).append(rows.getString(2));
                }
            }
        }
        Map<String, String> scripts = new TreeMap<>();
        sources.forEach((key, source) -> scripts.put(key, source.toString()));
        return scripts;
    }

    private Map<String, String> configuration(java.sql.Connection sql, String id) throws SQLException {
        Map<String, String> values = new TreeMap<>();
        try (PreparedStatement select = sql.prepareStatement("SELECT name, value_encrypted"
                + " FROM connection_configuration WHERE connection_id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.put(rows.getString(1), cipher.decrypt(id, rows.getString(1), rows.getString(2)));
                }
            }
        }
        return values;
    }

    private String newId() {
        StringBuilder id = new StringBuilder("con_");
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode connection options", e);
        }
    }

    private com.fasterxml.jackson.databind.JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored connection options are not JSON", e);
        }
    }

    private interface Work<T> {
        T run(java.sql.Connection sql) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work, String name) {
        try (java.sql.Connection sql = dataSource.getConnection()) {
            sql.setAutoCommit(false);
            try {
                T result = work.run(sql);
                sql.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                sql.rollback();
                throw e;
            } finally {
                sql.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (dialect.isUniqueViolation(e)) {
                throw ConnectionException.duplicateName(name);
            }
            throw new StoreException("connection store failed: " + e.getMessage(), e);
        }
    }
}
