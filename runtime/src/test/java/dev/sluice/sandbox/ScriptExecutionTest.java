package dev.sluice.sandbox;

import static dev.sluice.sandbox.Sandboxes.run;
import static dev.sluice.sandbox.Sandboxes.set;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScriptExecutionTest {

    @RegisterExtension
    static final SandboxRunner runner = new SandboxRunner();

    @Test
    void named_function_calling_back_with_a_profile_succeeds() {
        ScriptResult result = run(runner, set(ScriptKey.LOGIN,
                "function login(email, password, callback) { callback(null, {user_id: '1', email: email}); }"),
                ScriptKey.LOGIN, "a@example.com", "pw");

        assertThat(result.outcome()).isInstanceOf(ScriptOutcome.Success.class);
        assertThat(((ScriptOutcome.Success) result.outcome()).value().path("email").asText())
                .isEqualTo("a@example.com");
    }

    @Test
    void anonymous_async_and_arrow_functions_all_load() {
        for (String source : new String[] {
                "function (email, password, cb) { cb(null, {user_id: email}); }",
                "async function login(email, password, cb) { await null; cb(null, {user_id: email}); };",
                "(email, password, cb) => cb(null, {user_id: email})",
                "// a comment first\nfunction helper(x) { return x; }\nfunction login(e, p, cb) { cb(null, {user_id: helper(e)}); }\n",
        }) {
            ScriptResult result = run(runner, set(ScriptKey.LOGIN, source), ScriptKey.LOGIN, "x", "y");
            assertThat(result.outcome()).as(source).isEqualTo(new ScriptOutcome.Success(
                    new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("user_id", "x")));
        }
    }

    @Test
    void callback_with_null_is_success_with_a_null_value() {
        ScriptResult result = run(runner, set(ScriptKey.GET_USER, "function getUser(id, cb) { cb(null); }"),
                ScriptKey.GET_USER, "nobody");

        assertThat(result.outcome()).isInstanceOf(ScriptOutcome.Success.class);
        assertThat(((ScriptOutcome.Success) result.outcome()).value().isNull()).isTrue();
    }

    @Test
    void error_globals_carry_the_contract_fields() {
        ScriptResult wrong = run(runner, set(ScriptKey.LOGIN,
                "function login(e, p, cb) { cb(new WrongUsernameOrPasswordError(e, 'nope')); }"),
                ScriptKey.LOGIN, "u@x", "p");
        ScriptResult validation = run(runner, set(ScriptKey.CREATE,
                "function create(user, cb) { cb(new ValidationError('user_exists', 'taken')); }"),
                ScriptKey.CREATE, Map.of("email", "u@x"));
        ScriptResult unauthorized = run(runner, set(ScriptKey.LOGIN,
                "function login(e, p, cb) { cb(new UnauthorizedError('blocked')); }"), ScriptKey.LOGIN, "u", "p");

        ScriptError w = ((ScriptOutcome.Failure) wrong.outcome()).error();
        assertThat(w.name()).isEqualTo("WrongUsernameOrPasswordError");
        assertThat(w.message()).isEqualTo("nope");
        assertThat(w.code()).contains("wrongusernameorpassword");
        assertThat(w.userId()).contains("u@x");
        assertThat(w.statusCode()).contains(400);
        ScriptError v = ((ScriptOutcome.Failure) validation.outcome()).error();
        assertThat(v.code()).contains("user_exists");
        assertThat(v.description()).contains("taken");
        assertThat(v.statusCode()).contains(400);
        ScriptError u = ((ScriptOutcome.Failure) unauthorized.outcome()).error();
        assertThat(u.code()).contains("unauthorized");
        assertThat(u.description()).contains("blocked");
        assertThat(u.statusCode()).contains(401);
    }

    @Test
    void timers_and_promises_run_on_the_execution_loop() {
        ScriptResult result = run(runner, set(ScriptKey.LOGIN, """
                function login(e, p, cb) {
                  const order = [];
                  setImmediate(() => order.push('immediate'));
                  Promise.resolve().then(() => order.push('microtask'));
                  const cancelled = setTimeout(() => order.push('cancelled'), 5);
                  clearTimeout(cancelled);
                  setTimeout((a, b) => { order.push('timeout:' + a + b); cb(null, {user_id: order.join(',')}); }, 20, 'x', 'y');
                }"""), ScriptKey.LOGIN, "e", "p");

        assertThat(((ScriptOutcome.Success) result.outcome()).value().path("user_id").asText())
                .isEqualTo("microtask,immediate,timeout:xy");
    }

    @Test
    void configuration_is_a_frozen_copy() {
        ScriptResult result = run(runner, set(ScriptKey.LOGIN, """
                function login(e, p, cb) {
                  'use strict';
                  try { configuration.db = 'changed'; } catch (err) { return cb(null, {user_id: configuration.db, frozen: Object.isFrozen(configuration)}); }
                  cb(new Error('configuration was writable'));
                }""", Map.of("db", "mysql://legacy"), "{}"), ScriptKey.LOGIN, "e", "p");

        assertThat(((ScriptOutcome.Success) result.outcome()).value().toString())
                .isEqualTo("{\"user_id\":\"mysql://legacy\",\"frozen\":true}");
    }

    @Test
    void global_survives_between_executions_of_one_script_set_only() {
        String source = "function login(e, p, cb) { global.count = (global.count || 0) + 1; cb(null, {user_id: String(global.count)}); }";
        ScriptSet first = set(ScriptKey.LOGIN, source);
        ScriptSet second = set(ScriptKey.LOGIN, source);

        run(runner, first, ScriptKey.LOGIN, "e", "p");
        ScriptResult again = run(runner, first, ScriptKey.LOGIN, "e", "p");
        ScriptResult other = run(runner, second, ScriptKey.LOGIN, "e", "p");

        assertThat(((ScriptOutcome.Success) again.outcome()).value().path("user_id").asText()).isEqualTo("2");
        assertThat(((ScriptOutcome.Success) other.outcome()).value().path("user_id").asText()).isEqualTo("1");
    }

    @Test
    void console_lines_are_captured_per_execution() {
        ScriptSet scripts = set(ScriptKey.LOGIN,
                "function login(e, p, cb) { console.log('hello', e, {a: 1}); console.warn('careful'); cb(null, {user_id: e}); }");

        ScriptResult one = run(runner, scripts, ScriptKey.LOGIN, "one", "p");
        ScriptResult two = run(runner, scripts, ScriptKey.LOGIN, "two", "p");

        assertThat(one.console()).containsExactly("hello one {\"a\":1}", "[warn] careful");
        assertThat(two.console()).containsExactly("hello two {\"a\":1}", "[warn] careful");
    }

    @Test
    void a_script_that_does_not_parse_is_a_failure_naming_the_line() {
        ScriptResult result = run(runner, set(ScriptKey.LOGIN, "function login(e, p, cb) {\n  var x = ;\n}"),
                ScriptKey.LOGIN, "e", "p");

        ScriptError error = ((ScriptOutcome.Failure) result.outcome()).error();
        assertThat(error.name()).isEqualTo("SyntaxError");
        assertThat(error.message()).contains("line 2");
        assertThat(runner.validate(set(ScriptKey.LOGIN, "function login(e, p, cb) {\n\n  }}")))
                .singleElement().satisfies(e -> assertThat(e.message()).contains("line 3"));
        assertThat(runner.validate(set(ScriptKey.LOGIN, "function login(e, p, cb) { cb(); }"))).isEmpty();
    }

    @Test
    void a_script_over_the_size_limit_is_refused_without_running() {
        String big = "function login(e, p, cb) { /*" + "x".repeat(200_000) + "*/ cb(); }";

        ScriptResult result = run(runner, set(ScriptKey.LOGIN, big), ScriptKey.LOGIN, "e", "p");

        assertThat(((ScriptOutcome.Failure) result.outcome()).error().message()).contains("scriptBytes");
    }

    @Test
    void require_accepts_a_version_suffix_and_refuses_unknown_modules() {
        ScriptResult result = run(runner, set(ScriptKey.LOGIN, """
                function login(e, p, cb) {
                  try { require('left-pad@1.3.0'); } catch (err) { return cb(null, {user_id: err.code + ':' + err.message}); }
                  cb(new Error('loaded'));
                }"""), ScriptKey.LOGIN, "e", "p");

        assertThat(((ScriptOutcome.Success) result.outcome()).value().path("user_id").asText())
                .isEqualTo("MODULE_NOT_FOUND:Cannot find module 'left-pad@1.3.0'");
    }
}
