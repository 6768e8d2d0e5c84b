package dev.sluice.http;

import dev.sluice.connection.Connections;
import dev.sluice.migration.PasswordLogins;
import dev.sluice.migration.Signups;
import java.util.Optional;

/**
 * The optional route groups a server mounts beside health, discovery and JWKS. A group needs {@code oauth} (the
 * token services and management auth) and is mounted only when it is present too.
 *
 * @param oauth the client-credentials grant and {@code /api/v2/clients}
 * @param connections {@code /api/v2/connections}
 * @param logins the password-realm grant
 * @param users the {@code /api/v2/users} reads
 * @param signups {@code POST /dbconnections/signup}
 */
public record RouteGroups(Optional<OAuthServices> oauth, Optional<Connections> connections,
                          Optional<PasswordLogins> logins, Optional<UserDirectory> users, Optional<Signups> signups) {

    /** No optional groups: health, discovery, JWKS and a token endpoint that grants nothing. */
    public static RouteGroups none() {
        return new RouteGroups(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** These groups with the token services and the clients API. */
    public RouteGroups withOAuth(OAuthServices services) {
        return new RouteGroups(Optional.of(services), connections, logins, users, signups);
    }

    /** These groups with the connections API. */
    public RouteGroups withConnections(Connections store) {
        return new RouteGroups(oauth, Optional.of(store), logins, users, signups);
    }

    /** These groups with the password-realm grant. */
    public RouteGroups withLogins(PasswordLogins realms) {
        return new RouteGroups(oauth, connections, Optional.of(realms), users, signups);
    }

    /** These groups with the user reads. */
    public RouteGroups withUsers(UserDirectory directory) {
        return new RouteGroups(oauth, connections, logins, Optional.of(directory), signups);
    }

    /** These groups with signup. */
    public RouteGroups withSignups(Signups flow) {
        return new RouteGroups(oauth, connections, logins, users, Optional.of(flow));
    }
}
