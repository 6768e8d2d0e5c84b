package dev.sluice.http;

import dev.sluice.client.Client;
import dev.sluice.connection.Connection;
import dev.sluice.migration.LoginProfile;
import dev.sluice.migration.LoginResult;
import dev.sluice.migration.PasswordLogins;
import dev.sluice.token.AccessTokenRequest;
import dev.sluice.token.IdTokenRequest;
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
import java.util.logging.Logger;

/**
 * {@code grant_type=http://auth0.com/oauth/grant-type/password-realm} (docs/migration.md): a user's tokens for
 * {@code username} and {@code password} in the connection named {@code realm}, for a client authenticated by
 * {@code client_id} (plus {@code client_secret} in the body or HTTP Basic unless the client's auth method is
 * {@code none}). The login, with its scripts, runs off the event loop on unordered worker threads. The password is
 * never logged nor echoed.
 */
final class PasswordRealmGrant {

    static final String GRANT_TYPE = "http://auth0.com/oauth/grant-type/password-realm";
    private static final Logger LOG = Logger.getLogger(PasswordRealmGrant.class.getName());
    private static final String BASIC = "basic ";
    private static final List<String> OIDC_SCOPES = List.of("openid", "profile", "email");
    private static final String WRONG_CREDENTIALS = "Wrong email or password.";

    private final OAuthServices services;
    private final PasswordLogins logins;

    PasswordRealmGrant(OAuthServices services, PasswordLogins logins) {
        this.services = services;
        this.logins = logins;
    }

    void handle(RoutingContext context, Map<String, String> parameters) {
        Optional<String[]> basic = basic(context, parameters);
        String clientId = basic.map(b -> b[0]).orElseGet(() -> required(parameters, "client_id"));
        Optional<String> secret = basic.map(b -> b[1]).or(() -> Optional.ofNullable(parameters.get("client_secret")));
        String username = required(parameters, "username");
        String password = required(parameters, "password");
        String realm = required(parameters, "realm");
        List<String> scopes = scopes(parameters.get("scope"));
        String audience = audience(parameters.get("audience"));
        // The tokens are signed on the worker too: two RS256 signatures (≈ 3–5 ms) would otherwise hold the event loop.
        context.vertx().executeBlocking(() -> tokens(login(clientId, secret, realm, username, password), scopes,
                        audience), false)
                .onSuccess(body -> JsonReply.send(context, 200, body))
                .onFailure(context::fail);
    }

    private Success login(String clientId, Optional<String> secret, String realm, String username, String password) {
        Client client = authenticate(clientId, secret);
        if (!client.allows(GRANT_TYPE)) {
            throw new ApiException(403, "unauthorized_client", "Grant type '" + GRANT_TYPE
                    + "' not allowed for the client.");
        }
        Connection connection = logins.realm(realm)
                .orElseThrow(() -> ApiException.invalidRequest("Unknown realm: " + TokenEndpoint.echo(realm)));
        if (!connection.enabledClients().isEmpty() && !connection.enabledClients().contains(clientId)) {
            throw new ApiException(403, "unauthorized_client", "The connection is not enabled for the client.");
        }
        LoginResult result = logins.login(connection, username, password);
        return switch (result) {
            case LoginResult.LoggedIn in -> new Success(client, connection.name(), in.profile());
            case LoginResult.WrongCredentials wrong -> throw new ApiException(403, "invalid_grant", WRONG_CREDENTIALS);
            case LoginResult.Unauthorized refused -> throw new ApiException(401, "unauthorized", refused.message());
            case LoginResult.Failed failed -> throw unavailable(connection, failed);
        };
    }

    private Client authenticate(String clientId, Optional<String> secret) {
        Client client = services.clients().find(clientId).orElseThrow(PasswordRealmGrant::invalidClient);
        boolean publicClient = client.tokenEndpointAuthMethod().equals("none");
        if (secret.isEmpty() && publicClient) {
            return client;
        }
        if (secret.isEmpty() || !MessageDigest.isEqual(secret.get().getBytes(StandardCharsets.UTF_8),
                client.secret().getBytes(StandardCharsets.UTF_8))) {
            throw invalidClient();
        }
        return client;
    }

    private JsonObject tokens(Success success, List<String> scopes, String audience) {
        String subject = "auth0|" + success.profile().userId();
        String clientId = success.client().clientId();
        IssuedToken access = services.issuer().accessToken(new AccessTokenRequest(subject, clientId,
                List.of(audience), scopes, AccessTokenRequest.PASSWORD,
                Map.of(AccessTokenRequest.CONNECTION_CLAIM, success.connection())));
        JsonObject body = new JsonObject().put("access_token", access.value());
        if (scopes.contains("openid")) {
            body.put("id_token", services.issuer().idToken(idToken(subject, clientId, success.profile(), scopes))
                    .value());
        }
        return body.put("token_type", "Bearer")
                .put("expires_in", access.expiresInSeconds())
                .put("scope", String.join(" ", scopes));
    }

    private static IdTokenRequest idToken(String subject, String clientId, LoginProfile profile, List<String> scopes) {
        boolean email = scopes.contains("email");
        boolean details = scopes.contains("profile");
        return new IdTokenRequest(subject, clientId,
                email ? profile.email() : Optional.empty(),
                email && profile.email().isPresent() ? Optional.of(profile.emailVerified()) : Optional.empty(),
                details ? profile.name() : Optional.empty(),
                details ? profile.nickname() : Optional.empty(),
                details ? profile.picture() : Optional.empty());
    }

    /** The requested OIDC scopes ({@code openid profile email} when none is asked for); others are dropped. */
    private static List<String> scopes(String requested) {
        if (requested == null || requested.isBlank()) {
            return OIDC_SCOPES;
        }
        List<String> asked = Arrays.stream(requested.split(" ")).filter(s -> !s.isEmpty()).toList();
        return OIDC_SCOPES.stream().filter(asked::contains).toList();
    }

    /** The access token's audience: the issuer's userinfo endpoint, the only one a user's token may name. */
    private String audience(String requested) {
        String userinfo = services.userinfoAudience();
        if (requested == null || requested.isBlank() || requested.equals(userinfo)) {
            return userinfo;
        }
        throw new ApiException(403, "access_denied", "Service not enabled within domain: "
                + TokenEndpoint.echo(requested));
    }

    private static ApiException unavailable(Connection connection, LoginResult.Failed failed) {
        LOG.warning(() -> "login on connection " + connection.name() + " failed (" + failed.reason() + "): "
                + failed.detail());
        String description = switch (failed.reason()) {
            case SCRIPT_FAILED -> "The legacy user store did not answer.";
            case SCRIPT_LIMIT -> "The legacy user store did not answer in time.";
            case RUNTIME_BUSY -> "Too many logins are in progress; try again.";
            case NO_LOGIN_SCRIPT -> "The connection has no login script.";
            case INVALID_PROFILE -> "The legacy user store returned an unusable profile.";
        };
        return new ApiException(503, "temporarily_unavailable", description);
    }

    /** {client_id, client_secret} from HTTP Basic, when that header is sent. */
    private static Optional<String[]> basic(RoutingContext context, Map<String, String> parameters) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BASIC)) {
            return Optional.empty();
        }
        if (parameters.containsKey("client_secret")) {
            throw ApiException.invalidRequest("Use only one client authentication method.");
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw ApiException.invalidRequest("Malformed HTTP Basic credentials.");
            }
            return Optional.of(new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)});
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

    /** A successful login with its client and the connection's name. */
    private record Success(Client client, String connection, LoginProfile profile) {
    }
}
