package dev.sluice.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Management API of a real {@code bin/sluice serve}: a token for the bootstrap admin client read from the data
 * directory, then a client created and listed over HTTP.
 */
class ManagementServeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void the_bootstrap_admin_creates_and_lists_a_client() throws Exception {
        SluiceServer server = SluiceServer.start(temp, Map.of());
        try (server) {
            HttpResponse<String> token = server.requestManagementToken();
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            String bearer = "Bearer " + JSON.readTree(token.body()).get("access_token").asText();

            HttpResponse<String> created = server.send("POST", "/api/v2/clients", "application/json",
                    "{\"name\":\"Black box\"}", bearer);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = JSON.readTree(created.body()).get("client_id").asText();

            HttpResponse<String> list = server.send("GET", "/api/v2/clients", null, null, bearer);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(list.body()).findValuesAsText("client_id")).containsExactly(id);
            assertThat(server.send("GET", "/api/v2/clients", null, null, null).statusCode()).isEqualTo(401);
        }
        assertThat(server.log()).doesNotContain(server.adminClient().get("client_secret").asText());
    }
}
