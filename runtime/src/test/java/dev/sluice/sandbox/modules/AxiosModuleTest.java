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

/** The {@code axios} module as scripts use it, against a local HTTP server. */
class AxiosModuleTest {

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

    private static final String API_TEMPLATE = """
            async function login(email, password, callback) {
              const axios = require('axios');
              try {
                const response = await axios.post(configuration.BASE + '/login', {email, password});
                const user = response.data;
                return callback(null, {user_id: String(user.id), email: user.email, name: user.name});
              } catch (err) {
                if (err.response && err.response.status === 401) {
                  return callback(new WrongUsernameOrPasswordError(email));
                }
                return callback(err);
              }
            }
            """;

    @Test
    void json_api_template_logs_in_with_the_right_password() {
        ScriptResult result = server.login(runner, API_TEMPLATE, HttpTestServer.POLICY, "ann@example.com", "secret");

        JsonNode profile = ((ScriptOutcome.Success) result.outcome()).value();
        assertThat(profile.path("user_id").asText()).isEqualTo("42");
        assertThat(profile.path("name").asText()).isEqualTo("Ann");
    }

    @Test
    void json_api_template_answers_wrong_password_on_401() {
        ScriptResult result = server.login(runner, API_TEMPLATE, HttpTestServer.POLICY, "ann@example.com", "bad");

        ScriptError error = ((ScriptOutcome.Failure) result.outcome()).error();
        assertThat(error.code()).contains("wrongusernameorpassword");
    }

    @Test
    void non_2xx_rejects_with_the_axios_error_shape() {
        JsonNode value = server.value(runner, """
                function login(email, password, callback) {
                  const axios = require('axios');
                  axios.get(configuration.BASE + '/status/404').catch((e404) =>
                    axios({url: configuration.BASE + '/status/503'}).catch((e503) => callback(null, {
                      message: e404.message, code: e404.code, is: axios.isAxiosError(e404), flag: e404.isAxiosError,
                      status: e404.response.status, data: e404.response.data.error,
                      type: e404.response.headers['content-type'], code503: e503.code})));
                }
                """);

        assertThat(value.path("message").asText()).isEqualTo("Request failed with status code 404");
        assertThat(value.path("code").asText()).isEqualTo("ERR_BAD_REQUEST");
        assertThat(value.path("is").asBoolean()).isTrue();
        assertThat(value.path("flag").asBoolean()).isTrue();
        assertThat(value.path("status").asInt()).isEqualTo(404);
        assertThat(value.path("data").asText()).isEqualTo("status");
        assertThat(value.path("type").asText()).isEqualTo("application/json");
        assertThat(value.path("code503").asText()).isEqualTo("ERR_BAD_RESPONSE");
    }

    @Test
    void instances_merge_base_url_headers_params_and_auth() {
        JsonNode value = server.value(runner, """
                async function login(email, password, callback) {
                  const api = require('axios').create({baseURL: configuration.BASE, headers: {'X-Api': 'k1'},
                    auth: {username: email, password: password}});
                  const echo = (await api.get('/echo', {params: {q: 'a b', ids: [1, 2]}})).data;
                  const profile = await api.get('/profile');
                  const form = await api.post('/echo', new URLSearchParams({a: '1', b: 'x y'}));
                  const text = await api.get('/text', {responseType: 'text'});
                  const bytes = await api.get('/text', {responseType: 'arraybuffer'});
                  const lenient = await api.get('/status/500', {validateStatus: () => true});
                  callback(null, {query: echo.query, api: echo.headers['x-api'], ua: echo.headers['user-agent'],
                    accept: echo.headers.accept, nickname: profile.data.nickname, status: profile.status,
                    statusText: profile.statusText, form: form.data.body, formType: form.data.headers['content-type'],
                    text: text.data, isBuffer: Buffer.isBuffer(bytes.data), lenient: lenient.status,
                    config: profile.config.url});
                }
                """);

        assertThat(value.path("query").asText()).isEqualTo("q=a+b&ids[]=1&ids[]=2");
        assertThat(value.path("api").asText()).isEqualTo("k1");
        assertThat(value.path("ua").asText()).startsWith("axios/");
        assertThat(value.path("accept").asText()).isEqualTo("application/json, text/plain, */*");
        assertThat(value.path("nickname").asText()).isEqualTo("ann");
        assertThat(value.path("status").asInt()).isEqualTo(200);
        assertThat(value.path("statusText").asText()).isEqualTo("OK");
        assertThat(value.path("form").asText()).isEqualTo("a=1&b=x+y");
        assertThat(value.path("formType").asText()).startsWith("application/x-www-form-urlencoded");
        assertThat(value.path("text").asText()).isEqualTo("plain text");
        assertThat(value.path("isBuffer").asBoolean()).isTrue();
        assertThat(value.path("lenient").asInt()).isEqualTo(500);
        assertThat(value.path("config").asText()).isEqualTo("/profile");
    }

    @Test
    void interceptors_redirects_and_string_data_work() {
        JsonNode value = server.value(runner, """
                async function login(email, password, callback) {
                  const axios = require('axios@1.6.0');
                  const api = axios.create({baseURL: configuration.BASE});
                  api.interceptors.request.use((config) => { config.headers['X-Intercepted'] = 'yes'; return config; });
                  api.interceptors.response.use((response) => { response.seen = true; return response; });
                  const posted = await api.put('/redirect?to=/echo', 'raw text',
                    {headers: {'Content-Type': 'text/plain'}});
                  const seeOther = await api.post('/seeother', {a: 1});
                  callback(null, {seen: posted.seen, header: posted.data.headers['x-intercepted'],
                    method: posted.data.method, body: posted.data.body, afterSeeOther: seeOther.data.method,
                    seeOtherBody: seeOther.data.body, isDefault: axios.default === axios});
                }
                """);

        assertThat(value.path("seen").asBoolean()).isTrue();
        assertThat(value.path("header").asText()).isEqualTo("yes");
        assertThat(value.path("method").asText()).isEqualTo("PUT");
        assertThat(value.path("body").asText()).isEqualTo("raw text");
        assertThat(value.path("afterSeeOther").asText()).isEqualTo("GET");
        assertThat(value.path("seeOtherBody").asText()).isEmpty();
        assertThat(value.path("isDefault").asBoolean()).isTrue();
    }

    @Test
    void timeouts_refused_connections_and_large_bodies_reject_with_axios_codes() {
        JsonNode value = server.value(runner, """
                async function login(email, password, callback) {
                  const axios = require('axios');
                  const codes = {};
                  for (const [name, config] of [['timeout', {url: configuration.BASE + '/slow', timeout: 200}],
                      ['refused', {url: 'http://127.0.0.1:1/x'}], ['big', {url: configuration.BASE + '/big'}],
                      ['loop', {url: configuration.BASE + '/loop'}]]) {
                    try { await axios(config); codes[name] = 'resolved'; }
                    catch (e) { codes[name] = e.code + ' ' + e.message + ' ' + e.isAxiosError; }
                  }
                  callback(null, codes);
                }
                """);

        assertThat(value.path("timeout").asText()).isEqualTo("ECONNABORTED timeout of 200ms exceeded true");
        assertThat(value.path("refused").asText()).isEqualTo("ECONNREFUSED connect ECONNREFUSED 127.0.0.1:1 true");
        assertThat(value.path("big").asText())
                .isEqualTo("ERR_BAD_RESPONSE maxContentLength size of 65536 exceeded true");
        assertThat(value.path("loop").asText())
                .isEqualTo("ERR_FR_TOO_MANY_REDIRECTS Maximum number of redirects exceeded true");
    }
}
