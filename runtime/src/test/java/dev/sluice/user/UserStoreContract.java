package dev.sluice.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.store.Database;
import dev.sluice.store.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link JdbcUserStore} promises, on every engine (one subclass per engine, each on a fresh database). Each
 * test works in a connection of its own, so tests never see each other's users.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UserStoreContract {

    @TempDir
    static Path temporaryDirectory;

    private final ObjectMapper json = new ObjectMapper();
    private final TestClock clock = new TestClock();
    private TestDatabases.Fresh fresh;
    private Database database;
    private UserStore store;
    private String connection;

    abstract TestDatabases.Engine engine();

    @BeforeAll
    void openFreshDatabase() {
        fresh = TestDatabases.fresh(engine(), temporaryDirectory);
        database = Database.open(fresh.settings());
        store = new JdbcUserStore(database.dataSource(), database.dialect(), clock);
    }

    @AfterAll
    void dropIt() throws Exception {
        database.close();
        fresh.close();
    }

    @BeforeEach
    void aConnectionOfItsOwn() {
        connection = "conn-" + UUID.randomUUID();
    }

    @Test
    void a_created_user_is_found_by_id_email_and_username() {
        User created = store.create(alice());

        assertThat(store.findById(connection, "1001")).contains(created);
        assertThat(store.findByEmail(connection, "alice@example.com")).contains(created);
        assertThat(store.findByUsername(connection, "alice")).contains(created);
        assertThat(created.connection()).isEqualTo(connection);
        assertThat(created.emailVerified()).isTrue();
        assertThat(created.passwordHash()).contains("$2b$04$abcdefghijklmnopqrstuuKc8YkDGMBMC0TtlhY7yfeUUGmxUv7Ta");
        assertThat(created.profile().path("name").asText()).isEqualTo("Alice Liddell");
        assertThat(created.source()).isEqualTo(UserSource.SIGNED_UP);
        assertThat(created.createdAt()).isEqualTo(clock.instant()).isEqualTo(created.updatedAt());
        assertThat(created.migratedAt()).isEmpty();
    }

    @Test
    void unknown_users_are_not_found() {
        store.create(alice());

        assertThat(store.findById(connection, "1002")).isEmpty();
        assertThat(store.findById("other-connection", "1001")).isEmpty();
        assertThat(store.findByEmail(connection, "bob@example.com")).isEmpty();
        assertThat(store.findByUsername(connection, "bob")).isEmpty();
    }

    @Test
    void emails_are_stored_lower_case_and_found_in_any_case() {
        store.create(NewUser.of(connection, "1001", UserSource.SIGNED_UP)
                .withEmail("Alice.Liddell@Example.COM", false));

        assertThat(store.findByEmail(connection, "ALICE.liddell@example.com").flatMap(User::email))
                .contains("alice.liddell@example.com");
    }

    @Test
    void user_ids_and_usernames_are_case_sensitive_on_every_engine() {
        store.create(NewUser.of(connection, "AbC", UserSource.SIGNED_UP).withUsername("Alice"));
        store.create(NewUser.of(connection, "abc", UserSource.SIGNED_UP).withUsername("alice"));

        assertThat(store.findById(connection, "abc").flatMap(User::username)).contains("alice");
        assertThat(store.findByUsername(connection, "Alice").map(User::userId)).contains("AbC");
        assertThat(store.findByUsername(connection, "Älice")).isEmpty();
    }

    @Test
    void keys_with_surrounding_white_space_are_refused_and_never_found() {
        store.create(alice());

        assertThatThrownBy(() -> NewUser.of(connection, "1001 ", UserSource.SIGNED_UP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("user_id:");
        assertThat(store.findById(connection, "1001 ")).isEmpty();
        assertThat(store.findByUsername(connection, "alice ")).isEmpty();
    }

    @Test
    void a_duplicate_user_id_is_a_typed_duplicate() {
        store.create(alice());

        assertThatThrownBy(() -> store.create(NewUser.of(connection, "1001", UserSource.IMPORTED)))
                .isInstanceOfSatisfying(DuplicateUserException.class, duplicate -> {
                    assertThat(duplicate.key()).isEqualTo(DuplicateUserException.Key.USER_ID);
                    assertThat(duplicate.connection()).isEqualTo(connection);
                    assertThat(duplicate.errorCode()).isEqualTo("user_exists");
                });
    }

    @Test
    void a_duplicate_email_in_another_case_is_a_typed_duplicate() {
        store.create(alice());

        assertThatThrownBy(() -> store.create(NewUser.of(connection, "2002", UserSource.SIGNED_UP)
                .withEmail("ALICE@example.com", false)))
                .isInstanceOfSatisfying(DuplicateUserException.class,
                        duplicate -> assertThat(duplicate.key()).isEqualTo(DuplicateUserException.Key.EMAIL));
    }

    @Test
    void a_duplicate_username_is_a_typed_duplicate() {
        store.create(alice());

        NewUser sameUsername = NewUser.of(connection, "2002", UserSource.SIGNED_UP).withUsername("alice");

        assertThatThrownBy(() -> store.create(sameUsername))
                .isInstanceOfSatisfying(DuplicateUserException.class,
                        duplicate -> assertThat(duplicate.key()).isEqualTo(DuplicateUserException.Key.USERNAME));
    }

    @Test
    void the_same_keys_in_another_connection_make_another_user() {
        store.create(alice());
        String other = connection + "-other";

        User twin = store.create(NewUser.of(other, "1001", UserSource.SIGNED_UP).withEmail("alice@example.com", false)
                .withUsername("alice"));

        assertThat(twin.connection()).isEqualTo(other);
        assertThat(store.findById(connection, "1001").map(User::connection)).contains(connection);
    }

    @Test
    void users_without_email_or_username_do_not_collide() {
        store.create(NewUser.of(connection, "a", UserSource.LEGACY_CACHE));
        store.create(NewUser.of(connection, "b", UserSource.LEGACY_CACHE));

        assertThat(store.search(UserQuery.all().inConnection(connection)).total()).isEqualTo(2);
    }

    @Test
    void sixteen_concurrent_creates_of_one_user_make_one_row_and_fifteen_duplicates() throws Exception {
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<User>>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        return Optional.of(store.create(alice()));
                    } catch (DuplicateUserException duplicate) {
                        return Optional.empty();
                    }
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<Optional<User>> outcome : outcomes) {
                created += outcome.get().isPresent() ? 1 : 0;
            }

            assertThat(created).isEqualTo(1);
        }
        assertThat(store.search(UserQuery.all().inConnection(connection)).total()).isEqualTo(1);
    }

    @Test
    void imported_users_are_stamped_as_migrated() {
        User imported = store.create(NewUser.of(connection, "1001", UserSource.IMPORTED).withPasswordHash("$2b$10$x"));

        assertThat(imported.migratedAt()).contains(clock.instant());
        assertThat(store.findById(connection, "1001").flatMap(User::migratedAt)).contains(clock.instant());
    }

    @Test
    void a_legacy_cache_keeps_no_password() {
        User cached = store.create(NewUser.of(connection, "1001", UserSource.LEGACY_CACHE)
                .withEmail("alice@example.com", true));

        assertThat(cached.passwordHash()).isEmpty();
        assertThat(cached.source()).isEqualTo(UserSource.LEGACY_CACHE);
    }

    @Test
    void the_profile_round_trips_without_the_attributes_that_have_fields() throws Exception {
        ObjectNode profile = (ObjectNode) json.readTree("""
                {"name":"Ålice ✓ 🐇","nickname":"al","picture":"https://example.com/a.png",
                 "user_metadata":{"theme":"dark","langs":["en","fr"]},"app_metadata":{"plan":"gold","n":3},
                 "email":"spoof@example.com","user_id":"spoof","password":"never-stored"}""");

        store.create(NewUser.of(connection, "1001", UserSource.IMPORTED).withProfile(profile));

        ObjectNode stored = store.findById(connection, "1001").orElseThrow().profile();
        assertThat(stored.path("name").asText()).isEqualTo("Ålice ✓ 🐇");
        assertThat(stored.path("user_metadata")).isEqualTo(profile.path("user_metadata"));
        assertThat(stored.path("app_metadata")).isEqualTo(profile.path("app_metadata"));
        assertThat(stored.has("email")).isFalse();
        assertThat(stored.has("user_id")).isFalse();
        assertThat(stored.has("password")).isFalse();
    }

    @Test
    void a_profile_over_64_kib_is_refused_and_nothing_is_stored() {
        ObjectNode profile = json.createObjectNode().put("name", "x".repeat(70_000));

        NewUser user = NewUser.of(connection, "1001", UserSource.SIGNED_UP).withProfile(profile);

        assertThatThrownBy(() -> store.create(user))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("profile:");
        assertThat(store.findById(connection, "1001")).isEmpty();
    }

    @Test
    void updating_the_profile_changes_the_given_fields_and_the_update_time() {
        User created = store.create(alice());
        clock.advanceMillis(1_000);

        User updated = store.updateProfile(connection, "1001", UserChanges.none()
                .withEmail("Alice@Wonderland.example", false)
                .withProfile(json.createObjectNode().put("nickname", "ally"))).orElseThrow();

        assertThat(updated.email()).contains("alice@wonderland.example");
        assertThat(updated.emailVerified()).isFalse();
        assertThat(updated.username()).contains("alice");
        assertThat(updated.profile().path("nickname").asText()).isEqualTo("ally");
        assertThat(updated.profile().has("name")).isFalse();
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
        assertThat(updated.updatedAt()).isEqualTo(created.updatedAt().plusSeconds(1));
        assertThat(store.findById(connection, "1001")).contains(updated);
    }

    @Test
    void an_update_to_a_taken_email_is_a_typed_duplicate_and_changes_nothing() {
        store.create(alice());
        User bob = store.create(NewUser.of(connection, "2002", UserSource.SIGNED_UP).withEmail("bob@example.com", true)
                .withUsername("bob"));

        assertThatThrownBy(() -> store.updateProfile(connection, "2002", UserChanges.none()
                .withUsername("bobby").withEmail("ALICE@example.com", true)))
                .isInstanceOfSatisfying(DuplicateUserException.class,
                        duplicate -> assertThat(duplicate.key()).isEqualTo(DuplicateUserException.Key.EMAIL));
        assertThat(store.findById(connection, "2002")).contains(bob);
    }

    @Test
    void updating_an_unknown_user_changes_nothing() {
        assertThat(store.updateProfile(connection, "nobody", UserChanges.none().withEmailVerified(true))).isEmpty();
    }

    @Test
    void setting_a_password_replaces_the_hash() {
        store.create(alice());

        String newHash = "$2b$04$newnewnewnewnewnewnewnewnewnewnewnewnewnewnewnewnewnew";

        assertThat(store.setPassword(connection, "1001", newHash)).isTrue();
        assertThat(store.findById(connection, "1001").flatMap(User::passwordHash)).contains(newHash);
        assertThat(store.setPassword(connection, "nobody", "$2b$04$x")).isFalse();
    }

    @Test
    void a_deleted_user_is_gone_and_its_keys_are_free_again() {
        store.create(alice());

        assertThat(store.delete(connection, "1001")).isTrue();
        assertThat(store.findById(connection, "1001")).isEmpty();
        assertThat(store.delete(connection, "1001")).isFalse();
        assertThat(store.create(alice()).userId()).isEqualTo("1001");
    }

    @Test
    void search_pages_through_a_connection_with_totals() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(store.create(NewUser.of(connection, "u" + i, UserSource.BULK)).userId());
            clock.advanceMillis(1);
        }
        store.create(NewUser.of(connection + "-other", "elsewhere", UserSource.BULK));

        UserPage first = store.search(UserQuery.all().inConnection(connection).page(0, 3));
        UserPage last = store.search(UserQuery.all().inConnection(connection).page(2, 3));
        UserPage beyond = store.search(UserQuery.all().inConnection(connection).page(5, 3));

        assertThat(first.users()).extracting(User::userId).containsExactly("u0", "u1", "u2");
        assertThat(first.total()).isEqualTo(7);
        assertThat(last.users()).extracting(User::userId).containsExactly("u6");
        assertThat(last.start()).isEqualTo(6);
        assertThat(beyond.users()).isEmpty();
        assertThat(beyond.total()).isEqualTo(7);
    }

    @Test
    void search_by_email_finds_the_user_in_any_case() {
        store.create(alice());
        store.create(NewUser.of(connection, "2002", UserSource.SIGNED_UP).withEmail("bob@example.com", true));

        UserPage page = store.search(UserQuery.all().inConnection(connection).withEmail("ALICE@EXAMPLE.COM"));

        assertThat(page.users()).extracting(User::userId).containsExactly("1001");
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void a_user_id_is_found_across_connections_oldest_first() {
        String id = "any-" + UUID.randomUUID();
        User first = store.create(NewUser.of(connection, id, UserSource.SIGNED_UP));
        clock.advanceMillis(1000);
        User second = store.create(NewUser.of(connection + "-other", id, UserSource.BULK));

        assertThat(store.findByUserIdAnyConnection(id)).containsExactly(first, second);
        assertThat(store.findByUserIdAnyConnection(id.toUpperCase(java.util.Locale.ROOT))).isEmpty();
    }

    @Test
    void a_user_id_nobody_has_or_nobody_can_have_is_found_nowhere() {
        store.create(NewUser.of(connection, "1001", UserSource.SIGNED_UP));

        assertThat(store.findByUserIdAnyConnection("no-such-" + UUID.randomUUID())).isEmpty();
        assertThat(store.findByUserIdAnyConnection("")).isEmpty();
        assertThat(store.findByUserIdAnyConnection(" 1001")).isEmpty();
    }

    @Test
    void the_password_hash_is_never_printed() {
        NewUser user = alice();
        User created = store.create(user);

        assertThat(user.toString()).doesNotContain("$2b$").contains("hasPassword=true");
        assertThat(created.toString()).doesNotContain("$2b$").contains("hasPassword=true");
    }

    private NewUser alice() {
        return NewUser.of(connection, "1001", UserSource.SIGNED_UP)
                .withEmail("Alice@Example.com", true)
                .withUsername("alice")
                .withPasswordHash("$2b$04$abcdefghijklmnopqrstuuKc8YkDGMBMC0TtlhY7yfeUUGmxUv7Ta")
                .withProfile(json.createObjectNode().put("name", "Alice Liddell"));
    }
}
