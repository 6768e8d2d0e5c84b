package dev.sluice.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.store.Database;
import dev.sluice.store.TestDatabases;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ClientStore} on a fresh database of one engine (one subclass per engine). */
abstract class ClientStoreContract {

    @TempDir
    static Path temp;

    private static TestDatabases.Fresh fresh;
    private static Database database;
    private static ClientStore store;

    static void open(TestDatabases.Engine engine) {
        fresh = TestDatabases.fresh(engine, temp);
        database = Database.open(fresh.settings());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        store = new ClientStore(database.dataSource(), new SecretKeySpec(key, "AES"), new SecureRandom(),
                Clock.systemUTC());
    }

    @AfterAll
    static void close() throws Exception {
        database.close();
        fresh.close();
    }

    /** A client as {@code POST /api/v2/clients} creates it: no Management API scopes until a grant. */
    private static NewClient ungranted(String name) {
        return new NewClient(name, "non_interactive", List.of("client_credentials"), "client_secret_post", List.of());
    }

    private static NewClient app(String name) {
        return new NewClient(name, "non_interactive", List.of("client_credentials"), "client_secret_post",
                List.of("read:clients"));
    }

    @Test
    void a_created_client_is_found_again_with_its_secret() {
        Client created = store.create(app("Billing"));

        assertThat(created.clientId()).hasSize(32);
        assertThat(created.secret()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(store.find(created.clientId())).contains(created);
        assertThat(created.toString()).doesNotContain(created.secret());
    }

    @Test
    void the_secret_is_stored_encrypted_never_in_plain() throws Exception {
        Client created = store.create(app("Encrypted"));

        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT secret_encrypted FROM clients WHERE client_id = '"
                        + created.clientId() + "'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).doesNotContain(created.secret());
        }
    }

    @Test
    void authentication_needs_the_exact_secret() {
        Client created = store.create(app("Auth"));

        assertThat(store.authenticate(created.clientId(), created.secret())).contains(created);
        assertThat(store.authenticate(created.clientId(), created.secret() + "x")).isEmpty();
        assertThat(store.authenticate("nobody", created.secret())).isEmpty();
    }

    @Test
    void updates_change_only_the_given_fields_and_deletes_remove_the_client() {
        Client created = store.create(app("Before"));

        Optional<Client> updated = store.update(created.clientId(), new ClientChanges(Optional.of("After"),
                Optional.empty(), Optional.of(List.of("client_credentials", "password")), Optional.empty()));

        assertThat(updated).hasValueSatisfying(client -> {
            assertThat(client.name()).isEqualTo("After");
            assertThat(client.grantTypes()).containsExactly("client_credentials", "password");
            assertThat(client.secret()).isEqualTo(created.secret());
        });
        assertThat(store.find(created.clientId())).isEqualTo(updated);
        assertThat(store.update("missing", new ClientChanges(Optional.of("x"), Optional.empty(), Optional.empty(),
                Optional.empty()))).isEmpty();
        assertThat(store.delete(created.clientId())).isTrue();
        assertThat(store.delete(created.clientId())).isFalse();
        assertThat(store.find(created.clientId())).isEmpty();
    }

    @Test
    void scopes_are_replaced_as_a_whole_and_read_back() {
        Client created = store.create(app("Scoped"));

        Optional<Client> granted = store.setScopes(created.clientId(), List.of("read:users", "create:users"));
        Optional<Client> revoked = store.setScopes(created.clientId(), List.of());

        assertThat(granted).hasValueSatisfying(client ->
                assertThat(client.scopes()).containsExactly("read:users", "create:users"));
        assertThat(revoked).hasValueSatisfying(client -> assertThat(client.scopes()).isEmpty());
        assertThat(store.find(created.clientId()).orElseThrow().scopes()).isEmpty();
        assertThat(store.find(created.clientId()).orElseThrow().secret()).isEqualTo(created.secret());
        assertThat(store.setScopes("missing", List.of("read:users"))).isEmpty();
        assertThatThrownBy(() -> store.setScopes(created.clientId(), List.of("two words")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("scope");
    }

    @Test
    void invalid_changes_are_refused_with_the_field_name() {
        Client created = store.create(app("Valid"));

        assertThatThrownBy(() -> store.update(created.clientId(), new ClientChanges(Optional.empty(),
                Optional.of("mainframe"), Optional.empty(), Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("app_type");
    }

    @Test
    void pages_come_in_creation_order_with_the_total() {
        long before = store.list(0, 100).total();
        for (int i = 0; i < 3; i++) {
            store.create(app("Paged " + i));
        }

        ClientPage all = store.list(0, 1000);
        ClientPage second = store.list(1, 2);

        assertThat(all.total()).isEqualTo(before + 3);
        assertThat(all.clients()).hasSize((int) all.total());
        assertThat(second.clients()).containsExactlyElementsOf(all.clients().subList(2, Math.min(4,
                all.clients().size())));
    }

    @Test
    void granted_pages_hold_only_clients_with_scopes_and_page_like_the_full_list() {
        long before = store.listGranted(0, 1000).total();
        Client first = store.create(ungranted("Granted first"));
        store.create(ungranted("Never granted"));
        Client second = store.create(ungranted("Granted second"));
        Client revoked = store.create(ungranted("Granted then revoked"));
        store.setScopes(first.clientId(), List.of("read:users"));
        store.setScopes(second.clientId(), List.of("read:users", "create:users"));
        store.setScopes(revoked.clientId(), List.of("read:users"));
        store.setScopes(revoked.clientId(), List.of());

        ClientPage all = store.listGranted(0, 1000);
        ClientPage lastOne = store.listGranted((int) before + 1, 1);

        assertThat(all.total()).isEqualTo(before + 2);
        assertThat(all.clients()).hasSize((int) all.total()).allSatisfy(client ->
                assertThat(client.scopes()).isNotEmpty());
        // Clients created in the same millisecond are ordered by their (random) id: the order of the two is open.
        assertThat(all.clients().subList((int) before, all.clients().size())).extracting(Client::clientId)
                .containsExactlyInAnyOrder(first.clientId(), second.clientId());
        assertThat(lastOne.clients()).containsExactly(all.clients().get((int) before + 1));
        assertThat(lastOne.total()).isEqualTo(before + 2);
    }
}
