package dev.sluice.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.client.Client;
import dev.sluice.client.ClientPage;
import dev.sluice.client.ClientStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/v2/client-grants}: which Management API scopes a stored client's client-credentials tokens carry.
 * Sluice serves one API, the Management API, so a client has at most one grant — its {@code scopes} in the client
 * store — with the id {@code cgr_<client_id>}; revoking it empties them. Scopes outside
 * {@link ManagementAuth#ALL_SCOPES} and other audiences are refused.
 */
final class ClientGrantsApi {

    private static final String BASE = "/api/v2/client-grants";
    private static final String ID_PREFIX = "cgr_";
    private static final Set<String> CREATE_FIELDS = Set.of("client_id", "audience", "scope");
    private static final Set<String> UPDATE_FIELDS = Set.of("scope");

    private final ClientStore clients;
    private final ManagementAuth auth;
    private final String audience;

    ClientGrantsApi(ClientStore clients, ManagementAuth auth, String audience) {
        this.clients = clients;
        this.auth = auth;
        this.audience = audience;
    }

    /** Adds the routes to {@code router}. */
    void mount(Router router) {
        router.post(BASE).handler(auth.require("create:client_grants")).handler(this::create);
        router.get(BASE).handler(auth.require("read:client_grants")).handler(this::list);
        router.patch(BASE + "/:id").handler(auth.require("update:client_grants")).handler(this::update);
        router.delete(BASE + "/:id").handler(auth.require("delete:client_grants")).handler(this::delete);
    }

    private void create(RoutingContext context) {
        Map<String, JsonNode> body = ClientsApi.body(context, CREATE_FIELDS);
        String clientId = required(ClientsApi.text(body, "client_id"), "client_id");
        String requested = required(ClientsApi.text(body, "audience"), "audience");
        List<String> scopes = scopes(body);
        if (!requested.equals(audience)) {
            throw new ApiException(404, "inexistent_resource_server",
                    "No resource server found by specified identifier: " + TokenEndpoint.echo(requested));
        }
        ClientsApi.blocking(context, () -> {
            Client client = clients.find(clientId).orElseThrow(() -> new ApiException(404, "inexistent_client",
                    "The client does not exist"));
            if (!client.scopes().isEmpty()) {
                throw new ApiException(409, "client_grant_conflict",
                        "A resource server grant for this client and audience already exists.");
            }
            return clients.setScopes(clientId, scopes).orElseThrow(ClientGrantsApi::notFound);
        }, client -> JsonReply.send(context, 201, json(client).encode()));
    }

    private void list(RoutingContext context) {
        int page = ClientsApi.intParameter(context, "page", 0, Integer.MAX_VALUE / ClientsApi.MAX_PER_PAGE)
                .orElse(0);
        int perPage = ClientsApi.intParameter(context, "per_page", 1, ClientsApi.MAX_PER_PAGE)
                .orElse(ClientsApi.DEFAULT_PER_PAGE);
        boolean totals = "true".equals(context.request().getParam("include_totals"));
        Optional<String> clientId = Optional.ofNullable(context.request().getParam("client_id"));
        Optional<String> wanted = Optional.ofNullable(context.request().getParam("audience"));
        ClientsApi.blocking(context, () -> granted(clientId, wanted, page, perPage), grants -> {
            JsonArray array = new JsonArray(grants.clients().stream().map(this::json).toList());
            JsonReply.send(context, 200, !totals ? array.encode()
                    : ClientsApi.totals("client_grants", array, page, perPage, grants.total()).encode());
        });
    }

    private void update(RoutingContext context) {
        Map<String, JsonNode> body = ClientsApi.body(context, UPDATE_FIELDS);
        List<String> scopes = scopes(body);
        String clientId = clientId(context);
        ClientsApi.blocking(context, () -> {
            clients.find(clientId).filter(client -> !client.scopes().isEmpty())
                    .orElseThrow(ClientGrantsApi::notFound);
            return clients.setScopes(clientId, scopes).orElseThrow(ClientGrantsApi::notFound);
        }, client -> JsonReply.send(context, 200, json(client).encode()));
    }

    private void delete(RoutingContext context) {
        String clientId = clientId(context);
        ClientsApi.blocking(context, () -> {
            clients.find(clientId).filter(client -> !client.scopes().isEmpty())
                    .orElseThrow(ClientGrantsApi::notFound);
            return clients.setScopes(clientId, List.of()).orElseThrow(ClientGrantsApi::notFound);
        }, revoked -> context.response().setStatusCode(204).end());
    }

    /**
     * The page of clients with a grant, in creation order; only {@code clientId} when given, none for another
     * audience than the Management API's. Blocking.
     */
    private ClientPage granted(Optional<String> clientId, Optional<String> wanted, int page, int perPage) {
        if (wanted.isPresent() && !wanted.get().equals(audience)) {
            return new ClientPage(List.of(), 0);
        }
        if (clientId.isPresent()) {
            List<Client> one = clients.find(clientId.get()).filter(client -> !client.scopes().isEmpty()).stream()
                    .toList();
            return new ClientPage(page == 0 ? one : List.of(), one.size());
        }
        return clients.listGranted(page, perPage);
    }

    private JsonObject json(Client client) {
        return new JsonObject().put("id", ID_PREFIX + client.clientId()).put("client_id", client.clientId())
                .put("audience", audience).put("scope", new JsonArray(client.scopes()));
    }

    private static List<String> scopes(Map<String, JsonNode> body) {
        List<String> scopes = required(ClientsApi.strings(body, "scope"), "scope");
        if (scopes.isEmpty()) {
            throw ClientsApi.invalidBody("Payload validation error: 'scope' must name at least one scope; "
                    + "DELETE the grant to revoke every scope.");
        }
        for (String scope : scopes) {
            if (!ManagementAuth.ALL_SCOPES.contains(scope)) {
                throw ClientsApi.invalidBody("Payload validation error: unknown scope " + TokenEndpoint.echo(scope)
                        + "; the Management API's scopes are " + String.join(" ", ManagementAuth.ALL_SCOPES));
            }
        }
        return scopes.stream().distinct().toList();
    }

    private static <T> T required(Optional<T> value, String name) {
        return value.orElseThrow(() -> ClientsApi.invalidBody("Payload validation error: Missing required property: "
                + name));
    }

    private static String clientId(RoutingContext context) {
        String id = context.pathParam("id");
        if (!id.startsWith(ID_PREFIX)) {
            throw notFound();
        }
        return id.substring(ID_PREFIX.length());
    }

    private static ApiException notFound() {
        return new ApiException(404, "inexistent_client_grant", "The client grant does not exist");
    }
}
