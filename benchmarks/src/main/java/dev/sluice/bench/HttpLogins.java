package dev.sluice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for logins over HTTP (issue 4): a real {@code sluice serve} in a child JVM ({@link SluiceServer}),
 * bootstrapped through its API — admin token, a client with the password-realm grant, an import-mode connection whose
 * {@code login} is scripts-templates/mysql/login.js against a legacy MariaDB table of {@code legacyUsers} rows
 * ({@link LegacyUsers#createTemplateTable}) — then {@code POST /oauth/token} password-realm logins from 16 and 64
 * concurrent clients ({@link LoginLoad}), each phase after a warm-up whose logins are discarded:
 * <ul>
 *   <li><b>first-time</b>: every login is a distinct legacy user not migrated yet: the script's query and
 *       {@code bcrypt.compare}, then the own store's hash of the password (two bcrypt operations) and the insert;
 *       afterwards the own store must hold exactly the users these phases logged in;</li>
 *   <li><b>migrated</b>: users the first-time phases migrated, own store only (one bcrypt verification). The legacy
 *       table is dropped before, so a login that still reached the script would fail the run.</li>
 * </ul>
 * Each is compared with raw bcrypt verifications per second at the same cost with one thread per core
 * ({@link BcryptBaseline}), measured before the server starts and after it stopped (their mean is the baseline).
 * Targets: migrated/raw ≥ 0.9, first-time/raw ≥ 0.45. Both the server and this driver run on the same cores.
 *
 * <p>Usage: {@code HttpLogins [measureSeconds] [warmupSeconds] [legacyUsers] [serverWarmupSeconds]} (defaults 12,
 * 4, 4000, 90).
 */
public final class HttpLogins {

    private static final String TABLE = "sluice_bench_http_users";
    private static final String REALM = "bench-mysql";
    private static final int[] CLIENTS = {16, 64};
    private static final String ROW = "%-12s %7s %7s %8s %9s %9s %9s %6s %6s %7s %7s%n";

    private HttpLogins() {
    }

    public static void main(String[] argv) throws IOException, InterruptedException {
        Plan plan = Plan.of(argv);
        System.out.printf("HttpLogins: bcrypt cost %d, %d cores, server warm-up %d s per kind of login, then per "
                + "phase %d s warm-up + %d s measured, %d legacy users%n", LegacyUsers.COST, plan.cores(),
                plan.serverWarmup().toSeconds(), plan.warmup().toSeconds(), plan.measure().toSeconds(), plan.users());
        BcryptBaseline.Result rawBefore = raw("before", plan);
        LegacyUsers legacy = new LegacyUsers();
        legacy.createTemplateTable(TABLE, plan.users());
        Logins logins;
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
             SluiceServer server = SluiceServer.start(LegacyUsers.COST, http)) {
            logins = logins(server, http, legacy, plan);
        } finally {
            legacy.drop(TABLE);
        }
        BcryptBaseline.Result rawAfter = raw("after", plan);
        report((rawBefore.perSecond() + rawAfter.perSecond()) / 2, logins);
    }

    /**
     * The driver's arguments and the machine's core count (the baseline's threads): {@code [measureSeconds]
     * [warmupSeconds] [users] [serverWarmupSeconds]}.
     */
    private record Plan(Duration measure, Duration warmup, int users, int cores, Duration serverWarmup) {

        static Plan of(String[] argv) {
            return new Plan(Duration.ofSeconds(argv.length > 0 ? Integer.parseInt(argv[0]) : 12),
                    Duration.ofSeconds(argv.length > 1 ? Integer.parseInt(argv[1]) : 4),
                    argv.length > 2 ? Integer.parseInt(argv[2]) : 4000, Runtime.getRuntime().availableProcessors(),
                    Duration.ofSeconds(argv.length > 3 ? Integer.parseInt(argv[3]) : 90));
        }
    }

    /** The results of both kinds of login, at each of {@link #CLIENTS}. */
    private record Logins(List<LoginLoad.Result> firstTime, List<LoginLoad.Result> migrated) {
    }

    private static BcryptBaseline.Result raw(String when, Plan plan) throws InterruptedException {
        BcryptBaseline.Result raw = BcryptBaseline.measure(plan.cores(), LegacyUsers.COST, plan.warmup(),
                plan.measure());
        System.out.printf("raw bcrypt %s: %.1f verifications/s (%d threads); load %s%n", when, raw.perSecond(),
                raw.threads(), loadAverage());
        return raw;
    }

    /**
     * Bootstraps the server through its API, then runs the first-time phases, checks that the own store holds exactly
     * the users they logged in, drops the legacy table and runs the migrated phases.
     */
    private static Logins logins(SluiceServer server, HttpClient http, LegacyUsers legacy, Plan plan)
            throws IOException, InterruptedException {
        SluiceApi api = new SluiceApi(http, server.base());
        String token = api.adminToken(server.adminId(), server.adminSecret());
        JsonNode client = api.createClient(token, "bench-http-logins");
        String clientId = client.path("client_id").asText();
        api.createConnection(token, REALM, loginScript(), legacy.templateConfiguration(), clientId);
        System.out.printf("server pid %d at %s, Truffle %s, own store: embedded H2%n", server.pid(), server.base(),
                api.truffleRuntime());
        SluiceApi.Login login = api.login(clientId, client.path("client_secret").asText(), REALM);
        Queue<String> imported = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        LoginLoad.Users notMigrated = () -> {
            int i = next.getAndIncrement();
            return i < plan.users() ? Optional.of(LegacyUsers.templateEmail(i)) : Optional.empty();
        };
        try {
            warmServer(login, plan, notMigrated, imported);
            List<LoginLoad.Result> firstTime = firstTimePhases(login, plan, notMigrated, imported);
            long inStore = api.userCount(token);
            if (imported.isEmpty() || inStore != imported.size()) {
                throw new IllegalStateException(imported.size() + " first-time logins succeeded but the own store "
                        + "holds " + inStore + " users");
            }
            legacy.drop(TABLE);
            return new Logins(firstTime, migratedPhases(login, plan, List.copyOf(imported)));
        } catch (IllegalStateException e) {
            // The server logs why a login failed (a 503's detail never reaches the client).
            System.err.println("HttpLogins failed; the server's last log lines:\n" + server.logTail(40));
            throw e;
        }
    }

    /**
     * Brings the server to its steady state before anything is measured: first-time logins, then migrated logins of
     * the users they imported, each for {@code serverWarmup} at the larger client count. A cold server spends much of
     * its first minute in HotSpot compiling the Truffle interpreter, Jackson, H2 and the rest (seen with
     * {@code jstat -compiler}: 13 s of compile time in the first 40 s of load, 5 s per 40 s after two minutes).
     */
    private static void warmServer(SluiceApi.Login login, Plan plan, LoginLoad.Users notMigrated,
            Queue<String> imported) throws InterruptedException {
        if (plan.serverWarmup().isZero()) {
            return;
        }
        int clients = CLIENTS[CLIENTS.length - 1];
        LoginLoad.run(login, LegacyUsers.PASSWORD, notMigrated, imported::add, clients, plan.serverWarmup(),
                Duration.ofSeconds(1));
        List<String> warmed = List.copyOf(imported);
        if (warmed.isEmpty()) {
            throw new IllegalStateException("no first-time login succeeded during the server warm-up");
        }
        AtomicLong turn = new AtomicLong();
        LoginLoad.run(login, LegacyUsers.PASSWORD,
                () -> Optional.of(warmed.get((int) (turn.getAndIncrement() % warmed.size()))), user -> { },
                clients, plan.serverWarmup(), Duration.ofSeconds(1));
        System.out.printf("server warm-up done: %d users imported; load %s%n", warmed.size(), loadAverage());
    }

    private static List<LoginLoad.Result> firstTimePhases(SluiceApi.Login login, Plan plan,
            LoginLoad.Users notMigrated, Queue<String> imported) throws InterruptedException {
        List<LoginLoad.Result> results = new ArrayList<>();
        for (int clients : CLIENTS) {
            results.add(progress("first-time", LoginLoad.run(login, LegacyUsers.PASSWORD, notMigrated, imported::add,
                    clients, plan.warmup(), plan.measure())));
        }
        return results;
    }

    private static List<LoginLoad.Result> migratedPhases(SluiceApi.Login login, Plan plan, List<String> imported)
            throws InterruptedException {
        AtomicLong turn = new AtomicLong();
        LoginLoad.Users again = () -> Optional.of(imported.get((int) (turn.getAndIncrement() % imported.size())));
        List<LoginLoad.Result> results = new ArrayList<>();
        for (int clients : CLIENTS) {
            results.add(progress("migrated", LoginLoad.run(login, LegacyUsers.PASSWORD, again, user -> { },
                    clients, plan.warmup(), plan.measure())));
        }
        return results;
    }

    private static LoginLoad.Result progress(String phase, LoginLoad.Result result) {
        System.out.printf("%s at %d clients: %d logins in %.1f s = %.1f/s, p50 %.0f ms, p99 %.0f ms%s; load %s%n",
                phase, result.clients(), result.logins(), result.seconds(), result.perSecond(), result.p50Ms(),
                result.p99Ms(), result.ranOut() ? " (the legacy users ran out: window cut short)" : "",
                loadAverage());
        return result;
    }

    /** The table, with each rate's ratio to the raw bcrypt rate and the phase's target. */
    private static void report(double raw, Logins logins) {
        System.out.printf(ROW, "phase", "clients", "logins", "seconds", "logins/s", "p50 ms", "p99 ms", "errors",
                "/raw", "target", "verdict");
        System.out.printf(ROW, "raw bcrypt", "", "", "", "%.1f".formatted(raw), "", "", "", "1.00", "", "");
        StringBuilder summary = new StringBuilder("RESULT raw=%.1f/s".formatted(raw));
        for (LoginLoad.Result result : logins.migrated()) {
            row("migrated", result, raw, 0.9, summary);
        }
        for (LoginLoad.Result result : logins.firstTime()) {
            row("first-time", result, raw, 0.45, summary);
        }
        System.out.println(summary);
    }

    private static void row(String phase, LoginLoad.Result result, double raw, double target, StringBuilder summary) {
        double ratio = result.perSecond() / raw;
        System.out.printf(ROW, phase, result.clients(), result.logins(), "%.1f".formatted(result.seconds()),
                "%.1f".formatted(result.perSecond()), "%.0f".formatted(result.p50Ms()),
                "%.0f".formatted(result.p99Ms()), 0, "%.2f".formatted(ratio), ">= " + target,
                ratio >= target ? "met" : "NOT met");
        summary.append(" %s@%d=%.1f/s (%.2f, p50 %.0f ms, p99 %.0f ms)".formatted(phase, result.clients(),
                result.perSecond(), ratio, result.p50Ms(), result.p99Ms()));
    }

    /**
     * The template's login as shipped (packaged from scripts-templates/mysql/login.js), reading {@link #TABLE}
     * instead of {@code users} so that it never touches a {@code users} table the tests or a store may own.
     */
    private static String loginScript() throws IOException {
        try (InputStream in = HttpLogins.class.getResourceAsStream("mysql/login.js")) {
            if (in == null) {
                throw new IllegalStateException("mysql/login.js is not packaged with the benchmarks");
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String query = " FROM users WHERE ";
            if (script.indexOf(query) < 0 || script.indexOf(query) != script.lastIndexOf(query)) {
                throw new IllegalStateException("the template's login query changed; adapt HttpLogins.loginScript");
            }
            return script.replace(query, " FROM " + TABLE + " WHERE ");
        }
    }

    /** The 1, 5 and 15 minute load averages (Linux), the noise indicator bin/bench prints too. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "n/a";
        }
    }
}
