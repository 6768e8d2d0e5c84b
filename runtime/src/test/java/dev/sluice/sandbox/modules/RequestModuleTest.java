package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.Sandboxes;
import dev.sluice.sandbox.ScriptError;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code request} module as scripts use it, against a local HTTP server. */
class RequestModuleTest {

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

    private static final String BASIC_AUTH_TEMPLATE = """
            function login(email, password, callback) {
              const request = require('request');
              request.get({
                url: configuration.BASE + '/profile',
                auth: {username: email, password: password}
              }, function (err, response, body) {
                if (err) return callback(err);
                if (response.statusCode === 401) return callback(new WrongUsernameOrPasswordError(email));
                const user = JSON.parse(body);
                callback(null, {user_id: user.user_id.toString(), nickname: user.nickname, email: user.email});
              });
            }
            """;

    @Test
    void basic_auth_template_gets_the_profile_with_the_right_password() {
        ScriptResult result = server.login(runner, BASIC_AUTH_TEMPLATE, HttpTestServer.POLICY, "ann@example.com",
                "secret");

        JsonNode profile = ((ScriptOutcome.Success) result.outcome()).value();
        assertThat(profile.path("user_id").asText()).isEqualTo("7");
        assertThat(profile.path("email").asText()).isEqualTo("ann@example.com");
    }

    @Test
    void basic_auth_template_answers_wrong_password_on_401() {
        ScriptResult result = server.login(runner, BASIC_AUTH_TEMPLATE, HttpTestServer.POLICY, "ann@example.com",
                "nope");

        ScriptError error = ((ScriptOutcome.Failure) result.outcome()).error();
        assertThat(error.code()).contains("wrongusernameorpassword");
    }

    @Test
    void json_option_sends_json_and_parses_the_response() {
        JsonNode value = server.value(runner, """
                function login(email, password, callback) {
                  require('request').post({url: configuration.BASE + '/echo', json: {email: email, n: 1}},
                    function (err, response, body) {
                      if (err) return callback(err);
                      callback(null, {status: response.statusCode, type: typeof body, method: body.method,
                        sent: body.body, contentType: body.headers['content-type'], accept: body.headers.accept,
                        headerType: response.headers['content-type']});
                    });
                }
                """);

        assertThat(value.path("status").asInt()).isEqualTo(200);
        assertThat(value.path("type").asText()).isEqualTo("object");
        assertThat(value.path("method").asText()).isEqualTo("POST");
        assertThat(value.path("sent").asText()).isEqualTo("{\"email\":\"ann@example.com\",\"n\":1}");
        assertThat(value.path("contentType").asText()).isEqualTo("application/json");
        assertThat(value.path("accept").asText()).isEqualTo("application/json");
        assertThat(value.path("headerType").asText()).isEqualTo("application/json");
    }

    @Test
    void form_qs_headers_and_the_callback_forms_work() {
        JsonNode value = server.value(runner, """
                function login(email, password, callback) {
                  const request = require('request');
                  request(configuration.BASE + '/echo', {method: 'PUT', form: {email: email, tags: ['a', 'b']},
                      qs: {q: 'x y', n: 2}, headers: {'X-Test': 'yes'}}, function (err, response, body) {
                    if (err) return callback(err);
                    const echo = JSON.parse(body);
                    callback(null, {method: echo.method, query: echo.query, body: echo.body,
                      type: echo.headers['content-type'], test: echo.headers['x-test'], bodyType: typeof body});
                  });
                }
                """);

        assertThat(value.path("method").asText()).isEqualTo("PUT");
        assertThat(value.path("query").asText()).isEqualTo("q=x%20y&n=2");
        assertThat(value.path("body").asText()).isEqualTo("email=ann%40example.com&tags%5B0%5D=a&tags%5B1%5D=b");
        assertThat(value.path("type").asText()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(value.path("test").asText()).isEqualTo("yes");
        assertThat(value.path("bodyType").asText()).isEqualTo("string");
    }

    @Test
    void non_2xx_is_not_an_error_and_encoding_null_gives_a_buffer() {
        JsonNode value = server.value(runner, """
                function login(email, password, callback) {
                  const request = require('request');
                  request({uri: configuration.BASE + '/status/404', encoding: null}, function (err, response, body) {
                    if (err) return callback(err);
                    callback(null, {err: err, status: response.statusCode, isBuffer: Buffer.isBuffer(body),
                      text: body.toString(), same: response.body === body});
                  });
                }
                """);

        assertThat(value.path("err").isNull()).isTrue();
        assertThat(value.path("status").asInt()).isEqualTo(404);
        assertThat(value.path("isBuffer").asBoolean()).isTrue();
        assertThat(value.path("text").asText()).isEqualTo("{\"error\":\"status\"}");
        assertThat(value.path("same").asBoolean()).isTrue();
    }

    @Test
    void get_follows_redirects_and_post_does_not_by_default() {
        JsonNode value = server.value(runner, """
                function login(email, password, callback) {
                  const request = require('request');
                  request.get(configuration.BASE + '/redirect?to=/echo', function (err, response, body) {
                    if (err) return callback(err);
                    request.post(configuration.BASE + '/redirect?to=/echo', function (err2, response2) {
                      if (err2) return callback(err2);
                      callback(null, {get: response.statusCode, path: JSON.parse(body).path,
                        href: response.request.uri.href, post: response2.statusCode,
                        location: response2.headers.location});
                    });
                  });
                }
                """);

        assertThat(value.path("get").asInt()).isEqualTo(200);
        assertThat(value.path("path").asText()).isEqualTo("/echo");
        assertThat(value.path("href").asText()).isEqualTo(server.base() + "/echo");
        assertThat(value.path("post").asInt()).isEqualTo(302);
        assertThat(value.path("location").asText()).isEqualTo("/echo");
    }

    @Test
    void defaults_merge_headers_and_base_url_and_a_redirect_loop_fails() {
        JsonNode value = server.value(runner, """
                function login(email, password, callback) {
                  const api = require('request').defaults({baseUrl: configuration.BASE, headers: {'X-A': '1'},
                    json: true});
                  api.get({url: '/echo', headers: {'X-B': '2'}}, function (err, response, body) {
                    if (err) return callback(err);
                    api.get('/loop', function (loopErr) {
                      callback(null, {a: body.headers['x-a'], b: body.headers['x-b'], loop: loopErr.message});
                    });
                  });
                }
                """);

        assertThat(value.path("a").asText()).isEqualTo("1");
        assertThat(value.path("b").asText()).isEqualTo("2");
        assertThat(value.path("loop").asText()).startsWith("Exceeded maxRedirects. Probably stuck in a redirect loop");
    }

    @Test
    void errors_carry_node_codes_for_timeouts_refused_connections_and_large_bodies() {
        JsonNode value = server.value(runner, """
                function login(email, password, callback) {
                  const request = require('request');
                  request({url: configuration.BASE + '/slow', timeout: 200}, function (timeoutErr) {
                    request('http://127.0.0.1:1/', function (refusedErr) {
                      request(configuration.BASE + '/big', function (bigErr) {
                        callback(null, {timeout: timeoutErr.code, connect: timeoutErr.connect,
                          refused: refusedErr.code, refusedMessage: refusedErr.message, big: bigErr.code});
                      });
                    });
                  });
                }
                """);

        assertThat(value.path("timeout").asText()).isEqualTo("ESOCKETTIMEDOUT");
        assertThat(value.path("connect").asBoolean()).isFalse();
        assertThat(value.path("refused").asText()).isEqualTo("ECONNREFUSED");
        assertThat(value.path("refusedMessage").asText()).isEqualTo("connect ECONNREFUSED 127.0.0.1:1");
        assertThat(value.path("big").asText()).isEqualTo("ERR_RESPONSE_TOO_LARGE");
    }

    @Test
    void gzip_option_decodes_and_repeated_headers_fold_like_node() {
        JsonNode value = server.value(runner, """
                function login(email, password, callback) {
                  const request = require('request');
                  request({url: configuration.BASE + '/gzip', gzip: true, json: true}, function (err, res, body) {
                    if (err) return callback(err);
                    request(configuration.BASE + '/cookies', function (err2, res2, body2) {
                      if (err2) return callback(err2);
                      callback(null, {zipped: body.zipped, cookies: res2.headers['set-cookie'],
                        many: res2.headers['x-many'], chunked: JSON.parse(body2).chunked});
                    });
                  });
                }
                """);

        assertThat(value.path("zipped").asBoolean()).isTrue();
        assertThat(value.path("cookies").toString()).isEqualTo("[\"a=1\",\"b=2\"]");
        assertThat(value.path("many").asText()).isEqualTo("one, two");
        assertThat(value.path("chunked").asBoolean()).isTrue();
    }
}
