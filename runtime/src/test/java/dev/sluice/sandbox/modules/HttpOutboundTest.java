package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.Sandboxes;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The policy's outbound rules as {@code request}, {@code axios} and {@code fetch} apply them. */
class HttpOutboundTest {

    private static final String ALL_THREE = """
            async function login(target, password, callback) {
              const out = {};
              await new Promise((done) => require('request')(target, (err, res) => {
                out.request = err ? err.code + ' ' + err.message : 'status ' + res.statusCode; done();
              }));
              try { out.axios = 'status ' + (await require('axios').get(target)).status; }
              catch (e) { out.axios = e.code + ' ' + e.message; }
              try { out.fetch = 'status ' + (await fetch(target)).status; }
              catch (e) { out.fetch = e.cause.code + ' ' + e.cause.message; }
              callback(null, out);
            }
            """;

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

    private JsonNode run(String policy, String target) {
        ScriptResult result = server.login(runner, ALL_THREE, policy, target, "x");
        assertThat(result.outcome()).as("console %s", result.console()).isInstanceOf(ScriptOutcome.Success.class);
        return ((ScriptOutcome.Success) result.outcome()).value();
    }

    @Test
    void default_policy_refuses_loopback_naming_the_host() {
        JsonNode value = run("{}", server.base() + "/echo");

        for (String module : new String[] {"request", "axios", "fetch"}) {
            assertThat(value.path(module).asText()).startsWith("EHOSTBLOCKED").contains("'127.0.0.1'");
        }
    }

    @Test
    void default_policy_refuses_the_cloud_metadata_address() {
        JsonNode value = run("{}", "http://169.254.169.254/latest/meta-data/");

        for (String module : new String[] {"request", "axios", "fetch"}) {
            assertThat(value.path(module).asText()).startsWith("EHOSTBLOCKED").contains("169.254.169.254");
        }
    }

    @Test
    void allowed_hosts_listing_the_address_with_loopback_allows_it() {
        JsonNode value = run("{\"allowedHosts\": [\"127.0.0.1\"], \"allowLoopback\": true}", server.base() + "/echo");

        assertThat(value.path("request").asText()).isEqualTo("status 200");
        assertThat(value.path("axios").asText()).isEqualTo("status 200");
        assertThat(value.path("fetch").asText()).isEqualTo("status 200");
    }

    @Test
    void allowed_hosts_not_listing_the_address_refuse_it_even_with_loopback() {
        JsonNode value = run("{\"allowedHosts\": [\"10.0.0.0/8\"], \"allowLoopback\": true}", server.base() + "/echo");

        for (String module : new String[] {"request", "axios", "fetch"}) {
            assertThat(value.path(module).asText()).startsWith("EHOSTBLOCKED").contains("allowedHosts");
        }
    }

    @Test
    void a_redirect_to_a_refused_host_is_refused() {
        JsonNode value = run("{\"allowedHosts\": [\"127.0.0.1\"], \"allowLoopback\": true}",
                server.base() + "/redirect?to=http://169.254.169.254/");

        assertThat(value.path("request").asText()).startsWith("EHOSTBLOCKED");
        assertThat(value.path("fetch").asText()).startsWith("EHOSTBLOCKED");
    }
}
