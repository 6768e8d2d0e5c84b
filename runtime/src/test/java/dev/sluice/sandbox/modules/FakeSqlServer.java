package dev.sluice.sandbox.modules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An in-memory stand-in for SQL Server below the {@code tedious} facade: records every session it opened and every
 * request it received (SQL, declared and bound parameters), and answers with canned results. No TDS is spoken.
 */
final class FakeSqlServer implements SqlServerSessions {

    /** One request as the session received it. */
    record Sent(String sql, List<TdsParameter> parameters, boolean batch) {
        /** The value bound to parameter {@code name}. */
        Object value(String name) {
            return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().value();
        }

        String declaration(String name) {
            return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().declaration();
        }
    }

    final List<SqlServerConfig> opened = Collections.synchronizedList(new ArrayList<>());
    final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger closed = new AtomicInteger();
    private volatile Function<Sent, TdsResult> responder = sent -> updated(0);
    private volatile RuntimeException loginFailure;

    /** Answers every request with {@code responder} (which may throw a {@link ModuleError}). */
    FakeSqlServer answering(Function<Sent, TdsResult> responder) {
        this.responder = responder;
        return this;
    }

    /** Refuses every login with {@code failure}. */
    FakeSqlServer refusingLogins(RuntimeException failure) {
        this.loginFailure = failure;
        return this;
    }

    @Override
    public TdsSession open(SqlServerConfig config) {
        if (loginFailure != null) {
            throw loginFailure;
        }
        opened.add(config);
        return new TdsSession() {
            @Override
            public TdsResult execute(String sql, List<TdsParameter> parameters) {
                Sent request = new Sent(sql, List.copyOf(parameters), false);
                sent.add(request);
                return responder.apply(request);
            }

            @Override
            public TdsResult batch(String sql) {
                Sent request = new Sent(sql, List.of(), true);
                sent.add(request);
                return responder.apply(request);
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    }

    /** A result set with columns {@code name:type} (e.g. {@code "Id:int"}) and rows. */
    static TdsResult rows(List<String> columns, List<List<Object>> rows) {
        List<TdsResult.Column> described = columns.stream()
                .map(c -> new TdsResult.Column(c.substring(0, c.indexOf(':')), c.substring(c.indexOf(':') + 1)))
                .toList();
        return new TdsResult(List.of(new TdsResult.Statement(described, rows, rows.size())));
    }

    /** The outcome of an UPDATE/INSERT/DELETE that affected {@code count} rows. */
    static TdsResult updated(long count) {
        return new TdsResult(List.of(new TdsResult.Statement(List.of(), List.of(), count)));
    }

    /** A server error as mssql-jdbc's session reports it. */
    static ModuleError serverError(int number, String message) {
        return new ModuleError(message, Map.of("code", "EREQUEST", "errorType", "RequestError", "number", number,
                "state", 1, "class", 14, "serverName", "fake", "procName", "", "lineNumber", 1));
    }
}
