package dev.sluice.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A signup as {@code POST /dbconnections/signup} carries it.
 *
 * @param clientId     the application the user signs up through
 * @param email        the user's email (as typed)
 * @param password     the chosen password; never logged ({@link #toString()} hides it)
 * @param username     when given
 * @param attributes   the other given profile fields ({@code given_name}, {@code family_name}, {@code name},
 *                     {@code nickname}, {@code picture}, {@code user_metadata}); copied
 */
public record SignupRequest(String clientId, String email, String password, Optional<String> username,
                            ObjectNode attributes) {

    /** The profile fields a signup may carry besides email, password and username. */
    public static final List<String> PROFILE_FIELDS = List.of("given_name", "family_name", "name", "nickname",
            "picture", "user_metadata");

    public SignupRequest {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(username, "username");
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (String field : PROFILE_FIELDS) {
            JsonNode value = Objects.requireNonNull(attributes, "attributes").get(field);
            if (value != null && !value.isNull()) {
                copy.set(field, value.deepCopy());
            }
        }
        attributes = copy;
    }

    /** A request without extra profile fields. */
    public static SignupRequest of(String clientId, String email, String password) {
        return new SignupRequest(clientId, email, password, Optional.empty(), JsonNodeFactory.instance.objectNode());
    }

    /** This request with {@code username}. */
    public SignupRequest withUsername(String username) {
        return new SignupRequest(clientId, email, password, Optional.of(username), attributes);
    }

    /** The profile fields, a copy. */
    @Override
    public ObjectNode attributes() {
        return attributes.deepCopy();
    }

    @Override
    public String toString() {
        return "SignupRequest[clientId=" + clientId + ", email=" + email + ", username=" + username
                + ", attributes=" + attributes.properties().stream().map(java.util.Map.Entry::getKey).toList() + "]";
    }
}
