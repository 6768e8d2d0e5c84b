package dev.sluice.http;

import dev.sluice.client.Client;
import dev.sluice.token.AccessTokenRequest;
import dev.sluice.token.IssuedToken;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code grant_type=client_credentials}: a Management API token for a client authenticated by {@code client_id} and
 * {@code client_secret} in the body or by HTTP Basic (not both). The bootstrap admin client is built in (never
 * stored) and gets {@link ManagementAuth#ALL_SCOPES}; stored clients get their own scopes and must list the grant.
 * The store lookup runs off the event loop.
 */
final class ClientCredentialsGrant {

    static final String GRANT_TYPE = "client_credentials";
    private static final String BASIC = "basic ";

    private final OAuthServices services;

    ClientCredentialsGrant(OAuthServices services) {
        this.services = services;
    }

    void handle(RoutingContext context, Map<String, String> parameters) {
        String[] credentials = credentials(context, parameters);
        String audience = required(parameters, "audience");
        Optional<List<String>> requested = Optional.ofNullable(parameters.get("scope"))
                .map(scope -> Arrays.stream(scope.split(" ")).filter(s -> !s.isEmpty()).toList());
        context.vertx().executeBlocking(() -> authenticate(credentials[0], credentials[1]))
                .onSuccess(client -> reply(context, client, audience, requested))
                .onFailure(context::fail);
    }

    private Client authenticate(String clientId, String secret) {
        if (clientId.equals(services.admin().id())) {
            if (MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                    services.admin().secret().getBytes(StandardCharsets.UTF_8))) {
                return new Client(clientId, "Sluice bootstrap admin", "non_interactive", List.of(GRANT_TYPE),
                        secret, "client_secret_post", ManagementAuth.ALL_SCOPES, 0, 0);
            }
            throw invalidClient();
        }
        return services.clients().authenticate(clientId, secret).orElseThrow(ClientCredentialsGrant::invalidClient);
    }

    private void reply(RoutingContext context, Client client, String audience, Optional<List<String>> requested) {
        try {
            if (!audience.equals(services.managementAudience())) {
                throw new ApiException(403, "access_denied", "Service not enabled within domain: "
                        + TokenEndpoint.echo(audience));
            }
            if (!client.allows(GRANT_TYPE)) {
                throw new ApiException(403, "unauthorized_client",
                        "Grant type 'client_credentials' not allowed for the client.");
            }
            List<String> scopes = requested.map(r -> client.scopes().stream().filter(r::contains).toList())
                    .orElse(client.scopes());
            if (scopes.isEmpty()) {
                throw new ApiException(403, "access_denied", "Client is not authorized to access \"" + audience
                        + "\" with the requested scopes.");
            }
            IssuedToken token = services.issuer().accessToken(
                    AccessTokenRequest.clientCredentials(client.clientId(), audience, scopes));
            JsonReply.send(context, 200, new JsonObject()
                    .put("access_token", token.value())
                    .put("token_type", "Bearer")
                    .put("expires_in", token.expiresInSeconds())
                    .put("scope", String.join(" ", scopes)));
        } catch (ApiException e) {
            context.fail(e);
        }
    }

    /** {client_id, client_secret} from HTTP Basic or the body. */
    private static String[] credentials(RoutingContext context, Map<String, String> parameters) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.toLowerCase(Locale.ROOT).startsWith(BASIC)) {
            if (parameters.containsKey("client_secret")) {
                throw ApiException.invalidRequest("Use only one client authentication method.");
            }
            return basic(header.substring(BASIC.length()).strip());
        }
        return new String[] {required(parameters, "client_id"), required(parameters, "client_secret")};
    }

    private static String[] basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw ApiException.invalidRequest("Malformed HTTP Basic credentials.");
            }
            return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidRequest("Malformed HTTP Basic credentials.");
        }
    }

    private static String required(Map<String, String> parameters, String name) {
        return Optional.ofNullable(parameters.get(name)).filter(v -> !v.isBlank())
                .orElseThrow(() -> ApiException.invalidRequest("Missing required parameter: " + name));
    }

    private static ApiException invalidClient() {
        return new ApiException(401, "invalid_client", "Client authentication failed.");
    }
}
