package dev.sluice.client;

import java.util.List;
import java.util.Objects;

/**
 * An OAuth client (application) of the own store. {@link #toString()} never shows the secret.
 *
 * @param clientId the {@code client_id}: 32 random alphanumeric characters
 * @param name the display name, 1..255 characters
 * @param appType {@code regular_web}, {@code spa}, {@code native} or {@code non_interactive}
 * @param grantTypes the grants the client may use at {@code /oauth/token}
 * @param secret the plain {@code client_secret} (kept AES-GCM encrypted at rest)
 * @param tokenEndpointAuthMethod {@code client_secret_post}, {@code client_secret_basic} or {@code none}
 * @param scopes the Management API scopes a client-credentials token of this client gets; may be empty
 * @param createdAt creation time, epoch milliseconds UTC
 * @param updatedAt last change, epoch milliseconds UTC
 */
public record Client(
        String clientId,
        String name,
        String appType,
        List<String> grantTypes,
        String secret,
        String tokenEndpointAuthMethod,
        List<String> scopes,
        long createdAt,
        long updatedAt) {

    /** The application types the platform knows. */
    public static final List<String> APP_TYPES = List.of("regular_web", "spa", "native", "non_interactive");
    /** The token endpoint authentication methods the platform knows. */
    public static final List<String> AUTH_METHODS = List.of("client_secret_post", "client_secret_basic", "none");

    public Client {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
        NewClient.validate(name, appType, grantTypes, tokenEndpointAuthMethod);
        grantTypes = List.copyOf(grantTypes);
        scopes = List.copyOf(scopes);
    }

    /** Whether the client may use {@code grantType}. */
    public boolean allows(String grantType) {
        return grantTypes.contains(grantType);
    }

    @Override
    public String toString() {
        return "Client[clientId=" + clientId + ", name=" + name + ", appType=" + appType + ", grantTypes="
                + grantTypes + ", secret=***, tokenEndpointAuthMethod=" + tokenEndpointAuthMethod + ", scopes="
                + scopes + "]";
    }
}
