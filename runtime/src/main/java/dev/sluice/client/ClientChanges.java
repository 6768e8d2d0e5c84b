package dev.sluice.client;

import java.util.List;
import java.util.Optional;

/**
 * A partial update of a client: empty fields stay as they are.
 *
 * @param name a new display name
 * @param appType a new application type
 * @param grantTypes new allowed grants
 * @param tokenEndpointAuthMethod a new authentication method
 */
public record ClientChanges(Optional<String> name, Optional<String> appType, Optional<List<String>> grantTypes,
        Optional<String> tokenEndpointAuthMethod) {

    /** {@code client} with these changes applied (validated), updated at {@code now}. */
    Client applyTo(Client client, long now) {
        return new Client(client.clientId(), name.orElse(client.name()), appType.orElse(client.appType()),
                grantTypes.orElse(client.grantTypes()), client.secret(),
                tokenEndpointAuthMethod.orElse(client.tokenEndpointAuthMethod()), client.scopes(), client.createdAt(),
                now);
    }
}
