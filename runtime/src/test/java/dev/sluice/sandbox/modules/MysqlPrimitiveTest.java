package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java side of the {@code mysql} module (sessions, pool, results, errors) against the test MariaDB. */
class MysqlPrimitiveTest {

    private static final String TABLE = "sluice_mysql_primitive_items";
    private static final MysqlTestDatabase DB = MysqlTestDatabase.fromEnvironment();
    private static final ModuleLimits LIMITS = new ModuleLimits(Duration.ofSeconds(5), Duration.ofSeconds(10),
            new OutboundRules(java.util.List.of(), true, false), 10L << 20);

    @BeforeAll
    static void createTable() {
        DB.execute("DROP TABLE IF EXISTS " + TABLE,
                "CREATE TABLE " + TABLE + " (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) UNIQUE,"
                        + " amount DECIMAL(8,2), born DATE, flag TINYINT(1), data BLOB, yr YEAR)");
    }

    @AfterAll
    static void dropTable() {
        DB.execute("DROP TABLE IF EXISTS " + TABLE);
    }

    private static MysqlConfig config() {
        return MysqlConfig.parse(DB.optionsJson(), LIMITS);
    }

    @Test
    void config_caps_timeouts_at_the_policy_and_never_prints_the_password() {
        MysqlConfig config = MysqlConfig.parse("{\"host\":\"db\",\"user\":\"u\",\"password\":\"s3cret\","
                + "\"connectTimeout\":600000}", LIMITS);

        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.port()).isEqualTo(3306);
        assertThat(config.toString()).doesNotContain("s3cret");
        assertThat(config.properties(Duration.ofSeconds(1)).getProperty("sslMode")).isEqualTo("DISABLED");
        assertThatThrownBy(() -> MysqlConfig.parse("{\"port\":70000}", LIMITS)).isInstanceOf(ModuleError.class);
    }

    @Test
    void a_session_returns_raw_column_text_and_definitions() throws Exception {
        try (MysqlSession session = new MysqlSession(config(), LIMITS)) {
            QueuedWork.await(session.query("INSERT INTO " + TABLE + " (name, amount, born, flag, data, yr)"
                    + " VALUES ('raw', 3.50, '2001-02-03', 1, X'0aff', 2024)"));
            Map<String, Object> result = QueuedWork.await(session.query(
                    "SELECT amount, born, flag, data, yr FROM " + TABLE + " WHERE name = 'raw'"));

            assertThat(result.get("kind")).isEqualTo("rows");
            assertThat(result.get("rows")).isEqualTo(List.of(List.of("3.50", "2001-02-03", "1", "0aff", "2024")));
            List<Object> types = new ArrayList<>();
            List<Object> binary = new ArrayList<>();
            for (Object field : (List<?>) result.get("fields")) {
                types.add(((Map<?, ?>) field).get("type"));
                binary.add(((Map<?, ?>) field).get("binary"));
            }
            assertThat(types).isEqualTo(List.of(246, 10, 1, 252, 13));
            assertThat(binary).isEqualTo(List.of(false, false, false, true, false));
        }
    }

    @Test
    void an_insert_reports_the_ok_packet() throws Exception {
        try (MysqlSession session = new MysqlSession(config(), LIMITS)) {
            Map<String, Object> ok = QueuedWork.await(session.query(
                    "INSERT INTO " + TABLE + " (name) VALUES ('ok-1'), ('ok-2')"));

            assertThat(ok.get("kind")).isEqualTo("ok");
            assertThat(ok.get("affectedRows")).isEqualTo(2L);
            assertThat((Long) ok.get("insertId")).isPositive();
            assertThat((String) ok.get("info")).contains("Records: 2");
        }
    }

    @Test
    void work_queued_on_a_session_runs_in_submission_order() throws Exception {
        try (MysqlSession session = new MysqlSession(config(), LIMITS)) {
            List<CompletableFuture<Map<String, Object>>> futures = new ArrayList<>();
            futures.add(session.query("SET @n = 0"));
            for (int i = 0; i < 20; i++) {
                futures.add(session.query("SELECT @n := @n + 1 AS n"));
            }
            List<Object> seen = new ArrayList<>();
            for (CompletableFuture<Map<String, Object>> future : futures.subList(1, futures.size())) {
                seen.add(((List<?>) ((List<?>) QueuedWork.await(future).get("rows")).get(0)).get(0));
            }

            assertThat(seen).first().isEqualTo("1");
            assertThat(seen).last().isEqualTo("20");
        }
    }

    @Test
    void server_errors_carry_the_mysqljs_code_and_keep_the_session_usable() throws Exception {
        try (MysqlSession session = new MysqlSession(config(), LIMITS)) {
            assertThatThrownBy(() -> QueuedWork.await(session.query("SELEC 1")))
                    .isInstanceOf(ModuleError.class).hasMessageStartingWith("ER_PARSE_ERROR: ")
                    .satisfies(e -> assertThat(ModuleError.toJson(e)).contains("\"errno\":1064")
                            .contains("\"fatal\":false"));

            assertThat(session.usable()).isTrue();
            assertThat(QueuedWork.await(session.query("SELECT 1")).get("kind")).isEqualTo("rows");
        }
    }

    @Test
    void a_refused_connection_is_fatal_for_the_session() throws Exception {
        MysqlConfig closedPort = MysqlConfig.parse("{\"host\":\"127.0.0.1\",\"port\":1}", LIMITS);
        try (MysqlSession session = new MysqlSession(closedPort, LIMITS)) {
            assertThatThrownBy(() -> QueuedWork.await(session.connect()))
                    .hasMessage("connect ECONNREFUSED 127.0.0.1:1")
                    .satisfies(e -> assertThat(ModuleError.toJson(e)).contains("\"code\":\"ECONNREFUSED\"")
                            .contains("\"fatal\":true"));
            assertThatThrownBy(() -> QueuedWork.await(session.query("SELECT 1")))
                    .hasMessage("connect ECONNREFUSED 127.0.0.1:1");
            assertThat(session.usable()).isFalse();
        }
    }

    @Test
    void a_reaped_session_reconnects_when_used_again() throws Exception {
        try (MysqlSession session = new MysqlSession(config(), LIMITS)) {
            Object first = QueuedWork.await(session.connect()).get("threadId");
            session.reap();
            Object second = QueuedWork.await(session.connect()).get("threadId");

            assertThat(second).isNotEqualTo(first);
            assertThat(session.usable()).isTrue();
        }
    }

    @Test
    void a_pool_never_opens_more_than_its_limit_and_reuses_released_connections() throws Exception {
        MysqlConfig limited = MysqlConfig.parse(DB.optionsJson().replace("{", "{\"connectionLimit\":2,"), LIMITS);
        try (MysqlPool pool = new MysqlPool(limited, LIMITS)) {
            MysqlSession a = pool.acquire();
            MysqlSession b = pool.acquire();
            CompletableFuture<MysqlSession> third = CompletableFuture.supplyAsync(() -> {
                try {
                    return pool.acquire();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(200);
            assertThat(third).isNotDone();

            pool.release(a);

            assertThat(third.get()).isSameAs(a);
            pool.release(b);
            pool.release(a);
            assertThat(pool.query("SELECT 1").get("kind")).isEqualTo("rows");
        }
    }

    @Test
    void an_ended_pool_refuses_new_work() throws Exception {
        MysqlPool pool = new MysqlPool(config(), LIMITS);
        pool.query("SELECT 1");
        pool.end();

        assertThatThrownBy(pool::acquire).isInstanceOf(ModuleError.class).hasMessage("Pool is closed.");
    }
}
