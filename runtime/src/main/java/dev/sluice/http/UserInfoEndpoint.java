package dev.sluice.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.token.AccessTokenRequest;
import dev.sluice.token.TokenFailure;
import dev.sluice.token.TokenVerifier;
import dev.sluice.token.Verification;
import dev.sluice.token.VerifiedToken;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET} and {@code POST /userinfo} (OpenID Connect Core §5.3): the claims of the user a password-realm access
 * token was issued to, read from the own store now (so a changed profile shows), filtered by the token's scopes —
 * {@code sub} always; {@code email}, {@code email_verified} with {@code email}; {@code name}, {@code nickname},
 * {@code given_name}, {@code family_name}, {@code picture}, {@code updated_at} with {@code profile}.
 *
 * <p>The bearer token must be valid for the audience {@code {issuer}userinfo} (a Management API token is not).
 * A missing, invalid or expired token, or one whose user no longer exists, answers 401 {@code invalid_token} with
 * {@code WWW-Authenticate: Bearer error="invalid_token"} (RFC 6750 §3).
 */
final class UserInfoEndpoint implements Handler<RoutingContext> {

    static final String PATH = "/userinfo";
    private static final String PREFIX = UserRoutes.PROVIDER + "|";
    private static final List<String> PROFILE_CLAIMS = List.of("name", "nickname", "given_name", "family_name",
            "picture");

    private final TokenVerifier verifier;
    private final String audience;
    private final UserDirectory users;

    UserInfoEndpoint(TokenVerifier verifier, String audience, UserDirectory users) {
        this.verifier = verifier;
        this.audience = audience;
        this.users = users;
    }

    @Override
    public void handle(RoutingContext context) {
        VerifiedToken token = verify(context);
        String subject = token.subject();
        if (!subject.startsWith(PREFIX)) {
            throw invalidToken(context, "The token was not issued to a user.");
        }
        String userId = subject.substring(PREFIX.length());
        Optional<String> connection = token.stringClaim(AccessTokenRequest.CONNECTION_CLAIM);
        context.vertx().executeBlocking(() -> users.byUserId(userId), false)
                .onSuccess(found -> {
                    List<DirectoryUser> mine = found.stream()
                            .filter(user -> connection.map(user.connection()::equals).orElse(found.size() == 1))
                            .toList();
                    if (mine.size() != 1) {
                        context.fail(invalidToken(context, "The token's user does not exist."));
                        return;
                    }
                    JsonReply.send(context, 200, claims(subject, mine.getFirst(), token).toString());
                })
                .onFailure(context::fail);
    }

    private static ObjectNode claims(String subject, DirectoryUser user, VerifiedToken token) {
        ObjectNode claims = JsonNodeFactory.instance.objectNode();
        claims.put("sub", subject);
        if (token.hasScope("profile")) {
            ObjectNode full = UserRoutes.json(user);
            for (String claim : PROFILE_CLAIMS) {
                JsonNode value = full.get(claim);
                if (value != null && value.isTextual()) {
                    claims.set(claim, value);
                }
            }
            claims.set("updated_at", full.get("updated_at"));
        }
        if (token.hasScope("email") && user.email().isPresent()) {
            claims.put("email", user.email().get());
            claims.put("email_verified", user.emailVerified());
        }
        return claims;
    }

    private VerifiedToken verify(RoutingContext context) {
        String bearer = ManagementAuth.bearer(context).orElseThrow(() -> invalidToken(context,
                "Missing authentication: send Authorization: Bearer <access_token>."));
        return switch (verifier.verify(bearer, audience)) {
            case Verification.Valid valid -> valid.token();
            case Verification.Invalid invalid -> throw invalidToken(context,
                    invalid.failure() == TokenFailure.EXPIRED ? "The access token expired." : "Invalid access token.");
        };
    }

    private static ApiException invalidToken(RoutingContext context, String description) {
        context.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        return new ApiException(401, "invalid_token", description);
    }
}
