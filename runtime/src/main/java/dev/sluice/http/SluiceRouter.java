package dev.sluice.http;

import dev.sluice.config.IssuerConfig;
import dev.sluice.token.Jwks;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The routes of the server and the handlers shared by all of them: the body limit, and {@link FailureHandler} for
 * every failure and every unmatched request.
 */
final class SluiceRouter {

    private SluiceRouter() {
    }

    /**
     * The router for {@code vertx} with the given optional route groups; every handler here is non-blocking or
     * moves its blocking work off the loop.
     */
    static Router create(Vertx vertx, HttpSettings settings, IssuerConfig issuer, Jwks jwks, HealthCheck health,
            RouteGroups routes) {
        java.util.Optional<OAuthServices> oauth = routes.oauth();
        java.util.Optional<dev.sluice.connection.Connections> connections = routes.connections();
        java.util.Optional<dev.sluice.migration.PasswordLogins> logins = routes.logins();
        java.util.Optional<UserDirectory> users = routes.users();
        java.util.Optional<dev.sluice.migration.Signups> signups = routes.signups();
        Router router = Router.router(vertx);
        FailureHandler failures = new FailureHandler(settings.maxBodyBytes());
        // No file uploads: nothing is ever written to disk, and the limit applies to every body.
        router.route().handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes())
                .setMergeFormAttributes(false));
        router.get("/health").handler(new HealthEndpoint(health));
        router.get("/.well-known/jwks.json").handler(context -> JsonReply.send(context, 200, jwks.json()));
        TokenEndpoint token = new TokenEndpoint(oauth.map(ClientCredentialsGrant::new),
                oauth.flatMap(services -> logins.map(realms -> new PasswordRealmGrant(services, realms))));
        oauth.ifPresent(services -> {
            ManagementAuth management = new ManagementAuth(services.verifier(), services.managementAudience());
            new ClientsApi(services.clients(), management).mount(router);
            new ClientGrantsApi(services.clients(), management, services.managementAudience()).mount(router);
            connections.ifPresent(store -> ConnectionRoutes.mount(router, management::require, store));
            users.ifPresent(directory -> UserRoutes.mount(router, management::require, directory));
        });
        oauth.ifPresent(services -> users.ifPresent(directory -> {
            UserInfoEndpoint userinfo = new UserInfoEndpoint(services.verifier(), services.userinfoAudience(),
                    directory);
            router.get(UserInfoEndpoint.PATH).handler(userinfo);
            router.post(UserInfoEndpoint.PATH).handler(userinfo);
        }));
        String discovery = Discovery.document(issuer, token.grantTypes()).encode();
        router.get("/.well-known/openid-configuration").handler(context -> JsonReply.send(context, 200, discovery));
        router.route(HttpMethod.POST, "/oauth/token").handler(token);
        oauth.ifPresent(services -> signups.ifPresent(flow -> router.route(HttpMethod.POST, SignupEndpoint.PATH)
                .handler(new SignupEndpoint(services.clients(), flow))));
        router.route().failureHandler(failures);
        for (int status : new int[] {404, 405, 413, 500}) {
            router.errorHandler(status, failures);
        }
        return router;
    }
}
