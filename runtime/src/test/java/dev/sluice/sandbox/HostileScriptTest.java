package dev.sluice.sandbox;

import static dev.sluice.sandbox.Sandboxes.run;
import static dev.sluice.sandbox.Sandboxes.set;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scripts that try to hang, exhaust or escape the sandbox. Each asserts the exact outcome, and after each a
 * normal script in another script set must still succeed on a healthy runtime.
 */
class HostileScriptTest {

    /**
     * Small limits so that breaches are quick; each test names the limit it expects. Wall time is generous so that
     * CPU-bound cases reach their CPU limit first even on a starved machine.
     */
    private static final String TIGHT = """
            {"cpuTimeMs": 1000, "wallTimeMs": 30000, "allocatedBytes": 67108864, "consoleBytes": 4096,
             "resultBytes": 65536}""";

    @RegisterExtension
    static final SandboxRunner runner = new SandboxRunner();

    @AfterEach
    void a_normal_script_in_another_script_set_still_succeeds() {
        ScriptResult normal = run(runner, set(ScriptKey.LOGIN,
                "function login(e, p, cb) { cb(null, {user_id: 'fine', polluted: typeof ({}).polluted}); }"),
                ScriptKey.LOGIN, "e", "p");
        assertThat(normal.outcome()).isInstanceOf(ScriptOutcome.Success.class);
        assertThat(((ScriptOutcome.Success) normal.outcome()).value().path("polluted").asText())
                .isEqualTo("undefined");
        assertThat(runner.health().healthy()).as("runtime health: %s", runner.health().problems()).isTrue();
    }

    private static ScriptResult login(String body) {
        return run(runner, set(ScriptKey.LOGIN, "function login(email, password, callback) {\n" + body + "\n}",
                Map.of(), TIGHT), ScriptKey.LOGIN, "e@x", "pw");
    }

    private static void assertLimit(ScriptResult result, String limit) {
        assertThat(result.outcome()).isInstanceOf(ScriptOutcome.Limit.class);
        assertThat(((ScriptOutcome.Limit) result.outcome()).name()).isEqualTo(limit);
    }

    private static ScriptError failure(ScriptResult result) {
        assertThat(result.outcome()).isInstanceOf(ScriptOutcome.Failure.class);
        return ((ScriptOutcome.Failure) result.outcome()).error();
    }

    private static String successText(ScriptResult result, String field) {
        assertThat(result.outcome()).isInstanceOf(ScriptOutcome.Success.class);
        return ((ScriptOutcome.Success) result.outcome()).value().path(field).asText();
    }

    @Test
    void an_infinite_loop_breaches_cpu_time() {
        assertLimit(login("for (;;) {}"), "cpuTimeMs");
    }

    @Test
    void a_loop_inside_finally_breaches_cpu_time() {
        assertLimit(login("try { throw new Error('x'); } finally { for (;;) {} }"), "cpuTimeMs");
    }

    @Test
    void never_calling_back_breaches_wall_time() {
        ScriptResult result = run(runner, set(ScriptKey.LOGIN,
                "function login(e, p, cb) { setTimeout(() => {}, 10); }", Map.of(), "{\"wallTimeMs\": 1500}"),
                ScriptKey.LOGIN, "e", "p");

        assertLimit(result, "wallTimeMs");
        assertThat(result.durationMs()).isBetween(1500L, 15_000L);
    }

    @Test
    void calling_back_twice_keeps_the_first_outcome() {
        ScriptResult result = login("callback(null, {user_id: 'first'}); callback(null, {user_id: 'second'});"
                + " callback(new Error('third'));");

        assertThat(successText(result, "user_id")).isEqualTo("first");
    }

    @Test
    void a_synchronous_throw_is_a_failure_with_the_error() {
        ScriptError error = failure(login("throw new TypeError('bad input');"));

        assertThat(error.name()).isEqualTo("TypeError");
        assertThat(error.message()).isEqualTo("bad input");
    }

    @Test
    void throwing_a_non_error_is_a_failure_with_its_text() {
        assertThat(failure(login("throw 'just a string';")).message()).isEqualTo("just a string");
        ScriptError object = failure(login("throw {code: 'custom', message: 'plain object'};"));
        assertThat(object.code()).contains("custom");
        assertThat(object.message()).isEqualTo("plain object");
    }

    @Test
    void an_unhandled_rejection_fails_the_execution() {
        assertThat(failure(login("Promise.reject(new Error('lost'));")).message()).isEqualTo("lost");
        assertThat(failure(run(runner, set(ScriptKey.LOGIN,
                "async function login(e, p, cb) { await null; throw new RangeError('async boom'); }"),
                ScriptKey.LOGIN, "e", "p")).message()).isEqualTo("async boom");
    }

    @Test
    void memory_bombs_breach_the_allocation_budget() {
        assertLimit(login("const a = []; for (;;) { a.push({i: a.length, s: 'x' + a.length}); }"), "allocatedBytes");
        assertLimit(login("let s = 'x'; const keep = []; for (;;) { s = s + s.length; keep.push(s.slice(0)); }"),
                "allocatedBytes");
        assertLimit(login("const m = new Map(); for (let i = 0;; i++) { m.set('k' + i, [i]); }"), "allocatedBytes");
        assertLimit(login("const keep = []; for (;;) { keep.push(new Float64Array(100000)); }"), "allocatedBytes");
        assertLimit(login("const keep = []; for (;;) { keep.push(new ArrayBuffer(1 << 20)); }"), "allocatedBytes");
    }

    @Test
    void one_huge_allocation_is_stopped() {
        assertLimit(login("const s = 'x'.repeat(2 ** 29); callback(null, {user_id: String(s.length)});"),
                "allocatedBytes");
        assertLimit(login("const b = new ArrayBuffer(1.5e9); callback(null, {user_id: String(b.byteLength)});"),
                "allocatedBytes");
        assertLimit(login("try { new Float64Array(2e8); } catch (e) {} callback(null, {user_id: 'caught'});"),
                "allocatedBytes");
        assertLimit(login("callback(null, {user_id: ''.padEnd(2 ** 28, 'y')});"), "allocatedBytes");
    }

    @Test
    void deep_recursion_breaches_the_stack_frame_limit() {
        assertLimit(login("function f(n) { return f(n + 1) + 1; } f(0);"), "stackFrames");
    }

    @Test
    void recursion_with_an_endless_loop_in_finally_is_still_stopped() {
        ScriptResult result = login("function f() { try { f(); } finally { for (;;) {} } } f();");

        assertThat(result.outcome()).isInstanceOf(ScriptOutcome.Limit.class);
        assertThat(((ScriptOutcome.Limit) result.outcome()).name()).isIn("stackFrames", "cpuTimeMs");
    }

    @Test
    void java_and_engine_globals_do_not_exist() {
        for (String attempt : new String[] {"Java.type('java.lang.Runtime')", "Packages.java.lang.System",
                "load('/etc/passwd')", "Polyglot.eval('js', '1')", "print('x')", "Graal.versionJS", "quit()",
                "process.exit(1)"}) {
            ScriptError error = failure(login(attempt + "; callback(null, {user_id: 'escaped'});"));
            assertThat(error.name()).as(attempt).isEqualTo("ReferenceError");
        }
    }

    @Test
    void node_core_modules_that_reach_the_host_cannot_be_required() {
        for (String module : new String[] {"fs", "child_process", "net", "os", "vm", "worker_threads"}) {
            ScriptError error = failure(login("require('" + module + "'); callback(null, {user_id: 'escaped'});"));
            assertThat(error.code()).as(module).contains("MODULE_NOT_FOUND");
        }
    }

    @Test
    void reflection_on_sandbox_objects_reaches_nothing_of_the_host() {
        ScriptResult result = login("""
                const g = console.log.constructor.constructor('return this')();
                const viaRequire = require.constructor('return this')();
                callback(null, {user_id: [typeof g.Java, typeof g.Packages, typeof g.Polyglot,
                    typeof console.log.getClass, typeof require.getClass, typeof callback.getClass,
                    typeof viaRequire.Java, g === globalThis].join(',')});""");

        assertThat(successText(result, "user_id"))
                .isEqualTo("undefined,undefined,undefined,undefined,undefined,undefined,undefined,true");
    }

    @Test
    void reflection_on_module_exports_reaches_nothing_of_the_host() {
        ScriptResult result = login("""
                const found = [];
                for (const name of ['bcrypt', 'crypto', 'mysql']) {
                  const m = require(name);
                  for (const key of Object.keys(m)) {
                    const value = m[key];
                    if (typeof value !== 'function' && (typeof value !== 'object' || value === null)) continue;
                    for (const probe of ['getClass', 'class', 'hashCode', 'getMetaObject', '__proto__.getClass']) {
                      if (typeof value[probe] === 'function') found.push(name + '.' + key + '.' + probe);
                    }
                    if (typeof value === 'function') {
                      const g = value.constructor.constructor('return this')();
                      if (typeof g.Java !== 'undefined' || typeof g.Packages !== 'undefined') found.push(name + '.' + key);
                    }
                  }
                }
                const hash = require('crypto').createHash('sha256');
                if (typeof hash.getClass === 'function' || typeof hash.constructor.getClass === 'function') found.push('hash');
                callback(null, {user_id: found.join(',') || 'nothing'});""");

        assertThat(successText(result, "user_id")).isEqualTo("nothing");
    }

    @Test
    void stack_trace_hooks_do_not_expose_host_frames() {
        ScriptResult result = login("""
                let hooked = false;
                Error.prepareStackTrace = (e, frames) => { hooked = true; return frames; };
                const capture = typeof Error.captureStackTrace;
                const stack = new Error('probe').stack;
                let fromHost = '';
                try { require('fs'); } catch (e) { fromHost = String(e.stack); }
                try { setTimeout('not a function'); } catch (e) { fromHost += String(e.stack); }
                callback(null, {user_id: [hooked, capture, typeof stack].join(','),
                    host: /\\.java:|com\\.oracle|java\\.lang|dev\\.sluice|<java>/.test(String(stack) + fromHost)});""");

        assertThat(result.outcome()).isInstanceOf(ScriptOutcome.Success.class);
        ScriptOutcome.Success success = (ScriptOutcome.Success) result.outcome();
        assertThat(success.value().path("user_id").asText()).isEqualTo("false,undefined,string");
        assertThat(success.value().path("host").asBoolean()).isFalse();
    }

    @Test
    void a_hostile_species_does_not_break_the_bridge() {
        ScriptResult result = login("""
                Object.defineProperty(Array, Symbol.species, {get() { throw new Error('species'); }});
                Object.defineProperty(Promise, Symbol.species, {get() { throw new Error('species'); }});
                Object.defineProperty(Uint8Array, Symbol.species, {get() { throw new Error('species'); }});
                setTimeout(() => callback(null, {user_id: 'ok', list: [1, 2, 3]}), 1);""");

        assertThat(successText(result, "user_id")).isEqualTo("ok");
    }

    @Test
    void a_hostile_species_on_the_values_modules_return_changes_nothing_in_the_modules() {
        ScriptResult result = login("""
                const crypto = require('crypto');
                const bcrypt = require('bcrypt');
                const evil = function () { throw new Error('species hijacked'); };
                for (const C of [Uint8Array, Buffer, Array, Promise]) {
                  Object.defineProperty(C, Symbol.species, {get() { return evil; }});
                }
                const hash = bcrypt.hashSync('pw', 4);
                callback(null, {user_id: [
                  Buffer.from('abc').toString('hex'),
                  crypto.createHash('sha256').update(Buffer.from('abc')).digest('hex').slice(0, 8),
                  crypto.createHash('sha256').update('abc').digest().length,
                  crypto.randomBytes(8).slice(0, 2).length,
                  Buffer.concat([Buffer.from('a'), Buffer.from('b')]).toString(),
                  bcrypt.compareSync('pw', hash)].join('|')});""");

        assertThat(successText(result, "user_id")).isEqualTo("616263|ba7816bf|32|2|ab|true");
    }

    @Test
    void a_looping_to_json_or_getter_on_the_result_breaches_cpu_time() {
        assertLimit(login("callback(null, {toJSON() { for (;;) {} }});"), "cpuTimeMs");
        assertLimit(login("callback(null, {get user_id() { while (true) {} }});"), "cpuTimeMs");
    }

    @Test
    void a_result_that_cannot_be_converted_is_a_failure() {
        assertThat(failure(login("const a = {}; a.self = a; callback(null, a);")).message())
                .startsWith("the result could not be converted to plain data");
    }

    @Test
    void prototype_pollution_stays_in_its_own_script_set() {
        ScriptResult polluter = login("""
                Object.prototype.polluted = 'yes';
                Array.prototype.push = function () { throw new Error('hijacked'); };
                JSON.stringify = () => '"hijacked"';
                callback(null, {user_id: ({}).polluted});""");

        assertThat(successText(polluter, "user_id")).isEqualTo("yes");
        // The @AfterEach check runs a script in a new set and asserts it does not see `polluted`.
    }

    @Test
    void huge_console_output_breaches_the_console_limit() {
        ScriptResult result = login("for (let i = 0; i < 100000; i++) { console.log('line ' + i); } callback();");

        assertLimit(result, "consoleBytes");
        assertThat(result.console()).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("line "));
    }

    @Test
    void a_huge_result_breaches_the_result_limit() {
        assertLimit(login("callback(null, {user_id: 'x'.repeat(1 << 20)});"), "resultBytes");
    }

    @Test
    void a_breached_context_is_never_reused() {
        ScriptSet scripts = set(ScriptKey.LOGIN, """
                function login(e, p, cb) {
                  if (e === 'loop') { global.dirty = true; for (;;) {} }
                  cb(null, {user_id: String(global.dirty === true)});
                }""", Map.of(), TIGHT);

        assertLimit(run(runner, scripts, ScriptKey.LOGIN, "loop", "p"), "cpuTimeMs");
        ScriptResult after = run(runner, scripts, ScriptKey.LOGIN, "ok", "p");

        assertThat(successText(after, "user_id")).isEqualTo("false");
    }

    @Test
    void cpu_time_adds_up_over_many_short_slices() {
        // Each slice burns about 2 ms, below the watchdog's period, so only the sum can breach the limit. The
        // interpreter allocates as it spins (garbage counts), so the allocation budget is out of the way here.
        ScriptResult result = run(runner, set(ScriptKey.LOGIN, """
                function login(e, p, cb) {
                  function burn() { const t = Date.now(); while (Date.now() - t < 2) {} setImmediate(burn); }
                  burn();
                }""", Map.of(), "{\"cpuTimeMs\": 500, \"wallTimeMs\": 30000, \"allocatedBytes\": 4294967296}"),
                ScriptKey.LOGIN, "e", "p");

        assertLimit(result, "cpuTimeMs");
    }

    @Test
    void an_infinite_loop_in_top_level_code_breaches_cpu_time_while_loading() {
        ScriptSet scripts = set(ScriptKey.LOGIN, """
                for (;;) {}
                function login(e, p, cb) { cb(null, {user_id: e}); }""", Map.of(), TIGHT);

        assertLimit(run(runner, scripts, ScriptKey.LOGIN, "e", "p"), "cpuTimeMs");
        assertThat(runner.validate(scripts)).singleElement().satisfies(error ->
                assertThat(error.message()).contains("'login'", "cpuTimeMs", "while loading"));
    }

    @Test
    void a_memory_bomb_in_top_level_code_breaches_the_allocation_budget_while_loading() {
        assertLimit(run(runner, set(ScriptKey.LOGIN, """
                const hoard = [];
                for (;;) { hoard.push({n: hoard.length, s: 'x' + hoard.length}); }
                function login(e, p, cb) { cb(null, {user_id: e}); }""", Map.of(), TIGHT),
                ScriptKey.LOGIN, "e", "p"), "allocatedBytes");
    }

    @Test
    void a_thrown_object_whose_getters_loop_breaches_cpu_time() {
        // The host reads name and message of what was thrown by calling back into the context: metered too.
        assertLimit(login("throw {get message() { for (;;) {} }};"), "cpuTimeMs");
    }

    @Test
    void a_huge_allocation_through_an_instances_constructor_is_stopped_too() {
        // prototype.constructor leads back to the constructor itself, not to the guarded global.
        assertLimit(login("const F = new Float64Array(0).constructor; const a = new F(2e8);"
                + " callback(null, {user_id: String(a.length)});"), "allocatedBytes");
        assertLimit(login("const A = new Uint8Array(0).buffer.constructor; const b = new A(1.5e9);"
                + " callback(null, {user_id: String(b.byteLength)});"), "allocatedBytes");
        assertLimit(login("class Big extends new Int32Array(0).constructor {} const c = new Big(4e8);"
                + " callback(null, {user_id: String(c.length)});"), "allocatedBytes");
        // ... and is the constructor scripts see, as in Node.
        assertThat(successText(login("const a = new Uint8Array(4); callback(null, {user_id: String("
                + "a.constructor === Uint8Array && a.slice(1) instanceof Uint8Array && a.buffer.constructor === "
                + "ArrayBuffer && a.subarray(2).length === 2)});"), "user_id")).isEqualTo("true");
    }

    @Test
    void huge_arrays_joins_and_buffers_breach_the_allocation_budget() {
        for (String body : new String[] {
                "const a = new Array(2 ** 28).fill(1); callback(null, {user_id: String(a.length)});",
                "const s = new Array(2 ** 27).join('abcd'); callback(null, {user_id: String(s.length)});",
                "const b = Buffer.alloc(1.5e9); callback(null, {user_id: String(b.length)});",
                "const b = Buffer.allocUnsafe(1.5e9); callback(null, {user_id: String(b.length)});",
                "const s = 'ab'.repeat(2 ** 20); const t = [s, s, s, s, s, s, s, s].join('').repeat(16);"
                        + " callback(null, {user_id: String(t.length)});"}) {
            assertThat(login(body).outcome()).as(body).isInstanceOfSatisfying(ScriptOutcome.Limit.class,
                    limit -> assertThat(limit.name()).isEqualTo("allocatedBytes"));
        }
    }

    @Test
    void sizes_that_come_another_way_are_refused_up_front() {
        for (String body : new String[] {
                "new Float64Array({length: 2e8});",
                "new Float64Array(new Int8Array(5e7));",
                "new Float64Array('200000000');",
                "new ArrayBuffer(0, {maxByteLength: 2e9});",
                "new ArrayBuffer(8).transfer(1.5e9);"}) {
            ScriptResult result = login(body + " callback(null, {user_id: 'allocated'});");
            assertThat(result.outcome()).as(body).isInstanceOfSatisfying(ScriptOutcome.Limit.class, limit -> {
                assertThat(limit.name()).isEqualTo("allocatedBytes");
                assertThat(limit.message()).as(body).contains("at once");
            });
        }
        // A sparse array is iterated element by element first: stopped as it grows, not up front.
        assertLimit(login("const a = []; a.length = 2e8; new Float64Array(a); callback(null, {user_id: 'x'});"),
                "allocatedBytes");
    }

    @Test
    void a_size_is_read_once_so_it_cannot_grow_between_the_check_and_the_allocation() {
        assertThat(successText(login("""
                let a = 0, b = 0, c = 0, d = 0, e = 0;
                const buffer = new ArrayBuffer({valueOf() { return a++ ? 1.5e9 : 8; }});
                const like = new Float64Array({get length() { return b++ ? 2e8 : 1; }, 0: 4});
                const repeated = 'ab'.repeat({valueOf() { return c++ ? 2 ** 28 : 2; }});
                const text = String.prototype.repeat.call({toString() { return d++ ? 'x'.repeat(2 ** 20) : 'x'; }}, 3);
                const padded = ''.padEnd({valueOf() { return e++ ? 2 ** 28 : 2; }}, 'y');
                callback(null, {user_id: [buffer.byteLength, like.length, repeated, text, padded].join('|')});"""),
                "user_id")).isEqualTo("8|1|abab|xxx|yy");
    }

    @Test
    void the_guards_leave_ordinary_typed_arrays_and_strings_alone() {
        assertThat(successText(login("""
                const fromArray = new Uint8Array([1, 2, 3]);
                const fromLike = new Float64Array({length: 2, 0: 1.5, 1: 2.5});
                const fromIterable = new Int16Array(new Set([7, 8]));
                const view = new Uint8Array(new ArrayBuffer(8), 2, 4);
                const copy = new Float32Array(new Uint8Array([9, 10]));
                const grown = new ArrayBuffer(2, {maxByteLength: 16}); grown.resize(8);
                const moved = new ArrayBuffer(4).transfer(6);
                let typeError = false;
                try { String.prototype.repeat.call(undefined, 2); } catch (e) { typeError = e instanceof TypeError; }
                callback(null, {user_id: [fromArray.join(), fromLike.join(), fromIterable.join(), view.length,
                    copy.join(), grown.byteLength, moved.byteLength, 'ab'.repeat(3), '7'.padStart(3, '0'),
                    typeError].join('|')});"""), "user_id"))
                .isEqualTo("1,2,3|1.5,2.5|7,8|4|9,10|8|6|ababab|007|true");
    }
}
