package dev.sluice.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.store.Database;
import dev.sluice.store.TestDatabases;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** What {@link JdbcConnectionStore} promises, on every engine (one subclass per engine, each on a fresh database). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConnectionStoreContract {

    @TempDir
    static Path temporaryDirectory;

    private final ObjectMapper json = new ObjectMapper();
    private TestDatabases.Fresh fresh;
    private Database database;
    private ConnectionStore store;

    abstract TestDatabases.Engine engine();

    @BeforeAll
    void openFreshDatabase() {
        fresh = TestDatabases.fresh(engine(), temporaryDirectory);
        database = Database.open(fresh.settings());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        store = new JdbcConnectionStore(database.dataSource(), database.dialect(),
                new ConfigurationCipher(new SecretKeySpec(key, "AES")), Clock.systemUTC());
    }

    @AfterAll
    void dropIt() throws Exception {
        database.close();
        fresh.close();
    }

    private ConnectionDraft draft(String name, Map<String, String> scripts, Map<String, String> configuration) {
        ObjectNode settings = json.createObjectNode().put("enabledDatabaseCustomization", true)
                .put("import_mode", true).put("requires_username", false);
        settings.putObject("passwordPolicy").put("min", 8);
        return new ConnectionDraft(name, new ConnectionOptions(scripts, configuration, settings), List.of("cli_1"));
    }

    private static String unique() {
        return "db-" + UUID.randomUUID();
    }

    @Test
    void a_created_connection_is_found_with_its_options_scripts_and_configuration() {
        Connection created = store.create(draft(unique(), Map.of("login", "function login(e, p, cb) {}"),
                Map.of("DB_PASSWORD", "s3cr3t-pässword")));

        assertThat(created.id()).matches("con_[A-Za-z0-9]{16}");
        assertThat(created.strategy()).isEqualTo("auth0");
        assertThat(store.find(created.id())).contains(created);
        assertThat(store.findByName(created.name())).contains(created);
        assertThat(store.findByName(created.name() + "-other")).isEmpty();
        assertThat(created.options().customScripts())
                .containsExactly(Map.entry("login", "function login(e, p, cb) {}"));
        assertThat(created.options().configuration()).containsExactly(Map.entry("DB_PASSWORD", "s3cr3t-pässword"));
        assertThat(created.options().settings().path("passwordPolicy").path("min").asInt()).isEqualTo(8);
        assertThat(created.enabledClients()).containsExactly("cli_1");
    }

    @Test
    void scripts_larger_than_a_mysql_text_survive_unchanged() {
        StringBuilder big = new StringBuilder("function login(email, password, callback) {\n");
        while (big.length() < 100_000) {
            big.append("  // 日本語 and emoji 😀 fill the script up to a hundred kilobytes\n");
        }
        big.append("}\n");
        Map<String, String> scripts = new java.util.TreeMap<>();
        for (String key : List.of("login", "get_user", "create", "verify", "change_password", "delete",
                "change_email")) {
            scripts.put(key, big.toString().replace("login", key));
        }

        Connection created = store.create(draft(unique(), scripts, Map.of()));

        assertThat(store.find(created.id()).orElseThrow().options().customScripts()).isEqualTo(scripts);
    }

    @Test
    void configuration_values_are_encrypted_at_rest_with_a_nonce_per_value() throws Exception {
        Connection created = store.create(draft(unique(), Map.of(),
                Map.of("A", "plain-secret-value", "B", "plain-secret-value")));

        List<String> stored = new ArrayList<>();
        try (java.sql.Connection sql = database.dataSource().getConnection();
             PreparedStatement select = sql.prepareStatement(
                     "SELECT value_encrypted FROM connection_configuration WHERE connection_id = ?")) {
            select.setString(1, created.id());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
        }
        assertThat(stored).hasSize(2).noneMatch(value -> value.contains("plain-secret-value"));
        assertThat(stored.get(0)).isNotEqualTo(stored.get(1));
        assertThat(created.options().configuration()).containsEntry("A", "plain-secret-value");
    }

    @Test
    void a_taken_name_is_a_409_and_stores_nothing() {
        String name = unique();
        store.create(draft(name, Map.of(), Map.of()));
        long before = store.page(0, 100).total();

        assertThatThrownBy(() -> store.create(draft(name, Map.of("login", "x"), Map.of("K", "v"))))
                .isInstanceOfSatisfying(ConnectionException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo("connection_exists");
                });
        assertThat(store.page(0, 100).total()).isEqualTo(before);
    }

    @Test
    void names_are_case_sensitive_on_every_engine() {
        String name = unique();
        store.create(draft(name, Map.of(), Map.of()));

        assertThat(store.create(draft(name.toUpperCase(java.util.Locale.ROOT), Map.of(), Map.of())).name())
                .isEqualTo(name.toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void replace_swaps_all_options_and_renaming_onto_a_taken_name_changes_nothing() {
        Connection taken = store.create(draft(unique(), Map.of(), Map.of()));
        Connection created = store.create(draft(unique(), Map.of("login", "a", "create", "b"), Map.of("X", "1")));

        Connection replaced = store.replace(created.id(), draft(created.name(), Map.of("get_user", "c"),
                Map.of("Y", "2"))).orElseThrow();

        assertThat(replaced.options().customScripts()).containsExactly(Map.entry("get_user", "c"));
        assertThat(replaced.options().configuration()).containsExactly(Map.entry("Y", "2"));
        assertThatThrownBy(() -> store.replace(created.id(), draft(taken.name(), Map.of(), Map.of())))
                .isInstanceOf(ConnectionException.class);
        assertThat(store.find(created.id())).contains(replaced);
        assertThat(store.replace("con_absent", draft(unique(), Map.of(), Map.of()))).isEmpty();
    }

    @Test
    void delete_removes_the_connection_with_its_scripts_and_configuration() {
        Connection created = store.create(draft(unique(), Map.of("login", "a"), Map.of("X", "1")));

        assertThat(store.delete(created.id())).isTrue();
        assertThat(store.find(created.id())).isEmpty();
        assertThat(store.delete(created.id())).isFalse();
    }

    @Test
    void checkpoint_paging_visits_every_connection_once_in_id_order() {
        for (int i = 0; i < 5; i++) {
            store.create(draft(unique(), Map.of(), Map.of()));
        }
        long total = store.page(0, 100).total();
        List<String> seen = new ArrayList<>();
        Optional<String> from = Optional.empty();
        do {
            ConnectionPage page = store.after(from, 2);
            page.connections().forEach(connection -> seen.add(connection.id()));
            from = page.next();
        } while (from.isPresent());

        assertThat(seen).hasSize((int) total).doesNotHaveDuplicates().isSorted();
        assertThat(store.page(1, 2).connections()).extracting(Connection::id).containsExactly(seen.get(1), seen.get(2));
    }
}
