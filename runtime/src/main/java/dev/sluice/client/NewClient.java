package dev.sluice.client;

import java.util.List;
import java.util.Objects;

/**
 * What a new client is made of; the store adds the id, the secret and the times. Validated on construction; errors
 * name the field as the API spells it.
 *
 * @param name the display name, 1..255 characters
 * @param appType one of {@link Client#APP_TYPES}
 * @param grantTypes the allowed grants (non-blank, at most 16)
 * @param tokenEndpointAuthMethod one of {@link Client#AUTH_METHODS}
 * @param scopes Management API scopes for client-credentials tokens
 */
public record NewClient(String name, String appType, List<String> grantTypes, String tokenEndpointAuthMethod,
        List<String> scopes) {

    public NewClient {
        validate(name, appType, grantTypes, tokenEndpointAuthMethod);
        grantTypes = List.copyOf(grantTypes);
        scopes = List.copyOf(scopes);
    }

    static void validate(String name, String appType, List<String> grantTypes, String authMethod) {
        Objects.requireNonNull(grantTypes, "grant_types");
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new IllegalArgumentException("name: must be 1 to 255 characters");
        }
        if (!Client.APP_TYPES.contains(appType)) {
            throw new IllegalArgumentException("app_type: must be one of " + Client.APP_TYPES);
        }
        if (grantTypes.size() > 16 || grantTypes.stream().anyMatch(g -> g == null || g.isBlank() || g.length() > 64)) {
            throw new IllegalArgumentException("grant_types: at most 16 non-blank names of up to 64 characters");
        }
        if (!Client.AUTH_METHODS.contains(authMethod)) {
            throw new IllegalArgumentException("token_endpoint_auth_method: must be one of " + Client.AUTH_METHODS);
        }
    }
}
