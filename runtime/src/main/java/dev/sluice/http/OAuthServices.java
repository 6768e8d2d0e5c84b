package dev.sluice.http;

import dev.sluice.client.ClientStore;
import dev.sluice.config.AdminClientConfig;
import dev.sluice.token.TokenIssuer;
import dev.sluice.token.TokenVerifier;
import java.util.Objects;

/**
 * What the token endpoint's client-credentials grant and the Management API need, wired by the CLI.
 *
 * @param issuer issues the access tokens
 * @param verifier checks the bearer tokens of {@code /api/v2/*} (audience {@code {issuer}api/v2/})
 * @param clients the stored clients
 * @param admin the bootstrap admin client: a built-in client, never stored, granted every management scope
 */
public record OAuthServices(TokenIssuer issuer, TokenVerifier verifier, ClientStore clients, AdminClientConfig admin) {

    public OAuthServices {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(admin, "admin");
    }

    /** The audience of Management API tokens. */
    String managementAudience() {
        return issuer.settings().managementAudience();
    }

    /** The audience of users' access tokens: the {@code /userinfo} endpoint, {@code {issuer}userinfo}. */
    String userinfoAudience() {
        return issuer.settings().issuer() + "userinfo";
    }
}
