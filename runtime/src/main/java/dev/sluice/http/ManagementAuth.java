package dev.sluice.http;

import dev.sluice.token.TokenVerifier;
import dev.sluice.token.Verification;
import dev.sluice.token.VerifiedToken;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Bearer-token authentication of the Management API. {@link #require} makes the handler every {@code /api/v2/*}
 * route puts first: a missing or invalid token fails the request with 401 {@code invalid_token}, a token without any
 * of the scopes with 403 {@code insufficient_scope}; otherwise the verified token is stored in the context
 * ({@link #token}) and the next handler runs. Verification is CPU work only, so it runs on the event loop.
 */
final class ManagementAuth {

    /** Every scope of the Management API; the bootstrap admin client gets all of them. */
    static final List<String> ALL_SCOPES = List.of(
            "read:clients", "create:clients", "update:clients", "delete:clients",
            "read:connections", "create:connections", "update:connections", "delete:connections",
            "read:users", "create:users", "update:users", "delete:users",
            "read:client_grants", "create:client_grants", "update:client_grants", "delete:client_grants");

    private static final Logger LOG = Logger.getLogger(ManagementAuth.class.getName());
    private static final String TOKEN_KEY = "sluice.managementToken";
    private static final String BEARER = "bearer ";

    private final TokenVerifier verifier;
    private final String audience;

    ManagementAuth(TokenVerifier verifier, String audience) {
        this.verifier = verifier;
        this.audience = audience;
    }

    /** A handler that lets requests through whose token holds at least one of {@code anyOfScopes}. */
    Handler<RoutingContext> require(String... anyOfScopes) {
        List<String> scopes = List.of(anyOfScopes);
        return context -> {
            VerifiedToken token = verify(context);
            if (scopes.stream().noneMatch(token::hasScope)) {
                throw new ApiException(403, "insufficient_scope",
                        "Insufficient scope, expected any of: " + String.join(",", scopes));
            }
            context.put(TOKEN_KEY, token);
            context.next();
        };
    }

    /** The token {@link #require} verified for this request; throws {@link IllegalStateException} before that. */
    static VerifiedToken token(RoutingContext context) {
        VerifiedToken token = context.get(TOKEN_KEY);
        if (token == null) {
            throw new IllegalStateException("no ManagementAuth.require handler ran before this one");
        }
        return token;
    }

    /** The token of an {@code Authorization: Bearer <token>} header (scheme in any case), if there is one. */
    static Optional<String> bearer(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }

    private VerifiedToken verify(RoutingContext context) {
        String bearer = bearer(context).orElseThrow(() -> unauthorized(context, "Missing authentication"));
        return switch (verifier.verify(bearer, audience)) {
            case Verification.Valid valid -> valid.token();
            case Verification.Invalid invalid -> {
                LOG.fine(() -> "refused a management token: " + invalid.failure() + " " + invalid.detail());
                throw unauthorized(context, invalid.failure() == dev.sluice.token.TokenFailure.EXPIRED
                        ? "Expired token received for JSON Web Token validation" : "Invalid token");
            }
        };
    }

    private static ApiException unauthorized(RoutingContext context, String message) {
        context.response().putHeader("WWW-Authenticate", "Bearer");
        return new ApiException(401, "invalid_token", message);
    }
}
