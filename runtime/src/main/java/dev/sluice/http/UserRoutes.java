package dev.sluice.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The Management API's user reads: {@code GET /api/v2/users}, {@code GET /api/v2/users/{id}} and
 * {@code GET /api/v2/users-by-email}, each behind {@code read:users}; the store runs through
 * {@code executeBlocking}.
 */
final class UserRoutes {

    static final String PATH = "/api/v2/users";
    static final String PROVIDER = "auth0";
    private static final String PREFIX = PROVIDER + "|";
    private static final int DEFAULT_PER_PAGE = 50;
    private static final int MAX_PER_PAGE = 100;
    private static final List<String> PROFILE_FIELDS = List.of("name", "nickname", "given_name", "family_name",
            "picture", "user_metadata", "app_metadata");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final UserDirectory users;
    private final ObjectMapper json = new ObjectMapper();

    private UserRoutes(UserDirectory users) {
        this.users = users;
    }

    /**
     * Adds the routes to {@code router}.
     *
     * @param scope makes the handler that admits a request holding a scope (e.g. {@code auth::require})
     */
    static void mount(Router router, Function<String, Handler<RoutingContext>> scope, UserDirectory users) {
        UserRoutes routes = new UserRoutes(users);
        router.get(PATH).handler(scope.apply("read:users")).handler(routes::list);
        router.get(PATH + "/:id").handler(scope.apply("read:users")).handler(routes::get);
        router.get("/api/v2/users-by-email").handler(scope.apply("read:users")).handler(routes::byEmail);
    }

    /** The platform's JSON for {@code user}: no password hash, ISO-8601 times, one {@code auth0} identity. */
    static ObjectNode json(DirectoryUser user) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("user_id", PREFIX + user.userId());
        user.email().ifPresent(email -> node.put("email", email));
        node.put("email_verified", user.emailVerified());
        user.username().ifPresent(username -> node.put("username", username));
        ObjectNode profile = user.profile();
        for (String field : PROFILE_FIELDS) {
            JsonNode value = profile.get(field);
            if (value != null && !value.isNull()) {
                node.set(field, value);
            }
        }
        ObjectNode identity = node.putArray("identities").addObject();
        identity.put("provider", PROVIDER);
        identity.put("connection", user.connection());
        identity.put("user_id", user.userId());
        identity.put("isSocial", false);
        node.put("created_at", time(user.createdAt()));
        node.put("updated_at", time(user.updatedAt()));
        return node;
    }

    private void list(RoutingContext context) {
        UserSearch search = UserSearch.parse(QueryParams.param(context, "q").orElse(""));
        Optional<String> connection = QueryParams.param(context, "connection");
        int page = QueryParams.number(context, "page", 0, 0, Integer.MAX_VALUE / MAX_PER_PAGE);
        int perPage = QueryParams.number(context, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
        boolean totals = QueryParams.param(context, "include_totals").map("true"::equals).orElse(false);
        boolean contradictory = connection.isPresent() && search.connection().isPresent()
                && !connection.equals(search.connection());
        Optional<String> inConnection = connection.or(search::connection);
        blocking(context, () -> {
            UserDirectory.Page found = contradictory ? new UserDirectory.Page(List.of(), 0)
                    : users.search(inConnection, search.email(), page, perPage);
            if (!totals) {
                return array(found.users()).toString();
            }
            ObjectNode wrapped = json.createObjectNode();
            wrapped.set("users", array(found.users()));
            wrapped.put("start", (long) page * perPage);
            wrapped.put("limit", perPage);
            wrapped.put("length", found.users().size());
            wrapped.put("total", found.total());
            return wrapped.toString();
        });
    }

    private void get(RoutingContext context) {
        String id = context.pathParam("id");
        blocking(context, () -> {
            List<DirectoryUser> found = id.startsWith(PREFIX) ? users.byUserId(id.substring(PREFIX.length()))
                    : List.of();
            if (found.isEmpty()) {
                throw new ApiException(404, "inexistent_user", "The user does not exist.");
            }
            if (found.size() > 1) {
                throw new ApiException(409, "ambiguous_user_id", "The user id belongs to users of " + found.size()
                        + " connections; user ids must be unique across the deployment");
            }
            return json(found.getFirst()).toString();
        });
    }

    private void byEmail(RoutingContext context) {
        String email = QueryParams.param(context, "email").filter(text -> !text.isBlank())
                .orElseThrow(() -> new ApiException(400, "invalid_query_string",
                        "Query validation error: email is required"));
        blocking(context, () -> array(users.byEmail(email)).toString());
    }

    private ArrayNode array(List<DirectoryUser> found) {
        ArrayNode array = json.createArrayNode();
        found.forEach(user -> array.add(json(user)));
        return array;
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static void blocking(RoutingContext context, Callable<String> work) {
        context.vertx().executeBlocking(work, false)
                .onSuccess(body -> JsonReply.send(context, 200, body))
                .onFailure(context::fail);
    }
}
