package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.Sandboxes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The global {@code fetch} (and {@code Headers}, {@code Request}, {@code Response}) against a local HTTP server. */
class FetchTest {

    private static HttpTestServer server;
    private static GraalScriptRunner runner;

    @BeforeAll
    static void start() {
        server = HttpTestServer.start();
        runner = Sandboxes.runner();
    }

    @AfterAll
    static void stop() {
        runner.close();
        server.close();
    }

    @Test
    void fetch_posts_json_and_reads_the_response() {
        JsonNode value = server.value(runner, """
                async function login(email, password, callback) {
                  const response = await fetch(configuration.BASE + '/login', {method: 'POST',
                    headers: new Headers({'Content-Type': 'application/json'}),
                    body: JSON.stringify({email, password})});
                  const user = await response.json();
                  const denied = await fetch(configuration.BASE + '/login', {method: 'POST',
                    headers: {'content-type': 'application/json'}, body: JSON.stringify({email, password: 'x'})});
                  callback(null, {status: response.status, ok: response.ok, statusText: response.statusText,
                    id: user.id, type: response.headers.get('Content-Type'), has: response.headers.has('content-type'),
                    deniedStatus: denied.status, deniedOk: denied.ok, url: response.url,
                    redirected: response.redirected});
                }
                """);

        assertThat(value.path("status").asInt()).isEqualTo(200);
        assertThat(value.path("ok").asBoolean()).isTrue();
        assertThat(value.path("statusText").asText()).isEqualTo("OK");
        assertThat(value.path("id").asInt()).isEqualTo(42);
        assertThat(value.path("type").asText()).isEqualTo("application/json");
        assertThat(value.path("has").asBoolean()).isTrue();
        assertThat(value.path("deniedStatus").asInt()).isEqualTo(401);
        assertThat(value.path("deniedOk").asBoolean()).isFalse();
        assertThat(value.path("url").asText()).isEqualTo(server.base() + "/login");
        assertThat(value.path("redirected").asBoolean()).isFalse();
    }

    @Test
    void fetch_follows_redirects_sends_form_bodies_and_reads_bytes_and_headers() {
        JsonNode value = server.value(runner, """
                async function login(email, password, callback) {
                  const redirected = await fetch(configuration.BASE + '/redirect?to=/echo');
                  const form = await (await fetch(configuration.BASE + '/echo', {method: 'post',
                    body: new URLSearchParams({email})})).json();
                  const bytes = await (await fetch(configuration.BASE + '/text')).arrayBuffer();
                  const cookies = await fetch(configuration.BASE + '/cookies');
                  const names = [];
                  cookies.headers.forEach((value, name) => names.push(name));
                  const zipped = await (await fetch(configuration.BASE + '/gzip')).json();
                  callback(null, {redirected: redirected.redirected, url: redirected.url,
                    path: (await redirected.json()).path, form: form.body, formType: form.headers['content-type'],
                    bytes: bytes.byteLength, setCookie: cookies.headers.getSetCookie().join('|'),
                    many: cookies.headers.get('x-many'), names: names.join(','), zipped: zipped.zipped,
                    entries: [...new Headers({b: '2', a: '1'}).entries()].join(';')});
                }
                """);

        assertThat(value.path("redirected").asBoolean()).isTrue();
        assertThat(value.path("url").asText()).isEqualTo(server.base() + "/echo");
        assertThat(value.path("path").asText()).isEqualTo("/echo");
        assertThat(value.path("form").asText()).isEqualTo("email=ann%40example.com");
        assertThat(value.path("formType").asText()).isEqualTo("application/x-www-form-urlencoded;charset=UTF-8");
        assertThat(value.path("bytes").asInt()).isEqualTo(10);
        assertThat(value.path("setCookie").asText()).isEqualTo("a=1|b=2");
        assertThat(value.path("many").asText()).isEqualTo("one, two");
        assertThat(value.path("names").asText()).contains("set-cookie,set-cookie");
        assertThat(value.path("zipped").asBoolean()).isTrue();
        assertThat(value.path("entries").asText()).isEqualTo("a,1;b,2");
    }

    @Test
    void network_errors_reject_with_fetch_failed_and_a_cause() {
        JsonNode value = server.value(runner, """
                async function login(email, password, callback) {
                  const out = {};
                  try { await fetch('http://127.0.0.1:1/'); } catch (e) {
                    out.refused = e.name + ': ' + e.message + ' / ' + e.cause.code;
                    out.isTypeError = e instanceof TypeError;
                  }
                  try { await fetch(configuration.BASE + '/loop'); } catch (e) { out.loop = e.cause.message; }
                  try { await fetch('not a url'); } catch (e) { out.invalid = e.message; }
                  try { await fetch(configuration.BASE + '/echo', {method: 'GET', body: 'x'}); }
                  catch (e) { out.getBody = e.message; }
                  callback(null, out);
                }
                """);

        assertThat(value.path("refused").asText()).isEqualTo("TypeError: fetch failed / ECONNREFUSED");
        assertThat(value.path("isTypeError").asBoolean()).isTrue();
        assertThat(value.path("loop").asText()).isEqualTo("redirect count exceeded");
        assertThat(value.path("invalid").asText()).isEqualTo("Failed to parse URL from not a url");
        assertThat(value.path("getBody").asText()).isEqualTo("Request with GET/HEAD method cannot have body.");
    }

    @Test
    void response_and_request_can_be_built_by_scripts() {
        JsonNode value = server.value(runner, """
                async function login(email, password, callback) {
                  const response = Response.json({a: 1}, {status: 201});
                  const request = new Request(configuration.BASE + '/echo', {method: 'PUT', body: 'hi'});
                  const echo = await (await fetch(request)).json();
                  callback(null, {status: response.status, a: (await response.json()).a,
                    type: response.headers.get('content-type'), method: echo.method, body: echo.body});
                }
                """);

        assertThat(value.path("status").asInt()).isEqualTo(201);
        assertThat(value.path("a").asInt()).isEqualTo(1);
        assertThat(value.path("type").asText()).isEqualTo("application/json");
        assertThat(value.path("method").asText()).isEqualTo("PUT");
        assertThat(value.path("body").asText()).isEqualTo("hi");
    }
}
