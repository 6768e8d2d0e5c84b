package dev.sluice.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /oauth/token}, form-encoded or JSON. It reads the request into string parameters and refuses what is
 * malformed (400 {@code invalid_request}: empty body, bad JSON, a non-object, a parameter that is not a string, no
 * {@code grant_type}) and grant types it does not serve (400 {@code unsupported_grant_type}). It serves
 * {@code client_credentials} when given a {@link ClientCredentialsGrant} and the password-realm grant when given a
 * {@link PasswordRealmGrant}.
 */
final class TokenEndpoint implements Handler<RoutingContext> {

    private static final int MAX_ECHO = 80;

    private final Optional<ClientCredentialsGrant> clientCredentials;
    private final Optional<PasswordRealmGrant> passwordRealm;

    TokenEndpoint() {
        this(Optional.empty());
    }

    TokenEndpoint(Optional<ClientCredentialsGrant> clientCredentials) {
        this(clientCredentials, Optional.empty());
    }

    TokenEndpoint(Optional<ClientCredentialsGrant> clientCredentials, Optional<PasswordRealmGrant> passwordRealm) {
        this.clientCredentials = clientCredentials;
        this.passwordRealm = passwordRealm;
    }

    /** The grant types this endpoint serves (listed in the discovery document). */
    List<String> grantTypes() {
        List<String> types = new java.util.ArrayList<>();
        clientCredentials.ifPresent(grant -> types.add(ClientCredentialsGrant.GRANT_TYPE));
        passwordRealm.ifPresent(grant -> types.add(PasswordRealmGrant.GRANT_TYPE));
        return List.copyOf(types);
    }

    @Override
    public void handle(RoutingContext context) {
        Map<String, String> parameters = parameters(context);
        String grantType = Optional.ofNullable(parameters.get("grant_type")).filter(g -> !g.isBlank())
                .orElseThrow(() -> ApiException.invalidRequest("Missing required parameter: grant_type"));
        if (grantType.equals(ClientCredentialsGrant.GRANT_TYPE) && clientCredentials.isPresent()) {
            clientCredentials.get().handle(context, parameters);
            return;
        }
        if (grantType.equals(PasswordRealmGrant.GRANT_TYPE) && passwordRealm.isPresent()) {
            passwordRealm.get().handle(context, parameters);
            return;
        }
        throw new ApiException(400, "unsupported_grant_type", "Unsupported grant type: " + echo(grantType));
    }

    /** The body's parameters; each must be a string. */
    private static Map<String, String> parameters(RoutingContext context) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : RequestBodies.jsonOrForm(context, ApiException::invalidRequest)
                .properties()) {
            if (!field.getValue().isTextual()) {
                throw ApiException.invalidRequest("Parameter " + echo(field.getKey()) + " must be a string.");
            }
            parameters.put(field.getKey(), field.getValue().textValue());
        }
        return parameters;
    }

    /** A client-supplied value fit to quote in a message: printable ASCII, at most {@value #MAX_ECHO} chars. */
    static String echo(String value) {
        String printable = value.codePoints().filter(c -> c >= 0x20 && c < 0x7f)
                .limit(MAX_ECHO)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "'" + printable + "'";
    }
}
