package dev.sluice.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.connection.Connection;
import dev.sluice.migration.LoginResult.Failed;
import dev.sluice.migration.LoginResult.FailureReason;
import dev.sluice.migration.LoginResult.LoggedIn;
import dev.sluice.migration.LoginResult.Unauthorized;
import dev.sluice.migration.LoginResult.WrongCredentials;
import dev.sluice.sandbox.ScriptError;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptPolicy;
import dev.sluice.sandbox.ScriptRunner;
import dev.sluice.sandbox.ScriptResult;
import dev.sluice.sandbox.ScriptSet;
import dev.sluice.user.DuplicateUserException;
import dev.sluice.user.NewUser;
import dev.sluice.user.PasswordHasher;
import dev.sluice.user.User;
import dev.sluice.user.UserChanges;
import dev.sluice.user.UserSource;
import dev.sluice.user.UserStore;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The login of a database connection (CONTRACT.md §3), in both modes:
 * <ul>
 *   <li>{@code enabledDatabaseCustomization: false}: the own store only.</li>
 *   <li>import mode ({@code import_mode: true}): the own store first; a user with a password hash never reaches the
 *       script. Otherwise the {@code login} script runs and, on success, the user is created atomically in the own
 *       store with the script's user_id and the typed password hashed (source {@code imported}).</li>
 *   <li>legacy mode: the {@code login} script every time; a profile without password hash (source
 *       {@code legacy-cache}) is created or refreshed.</li>
 * </ul>
 * Script failures, limits and a busy runtime are {@link Failed} results and create nothing. Passwords are never
 * logged nor put in a result. Own-store failures surface as {@link dev.sluice.store.StoreException}.
 */
public final class LoginFlow {

    private static final String WRONG_CREDENTIALS_ERROR = "WrongUsernameOrPasswordError";
    private static final String WRONG_CREDENTIALS_CODE = "wrongusernameorpassword";
    private static final String UNAUTHORIZED_ERROR = "UnauthorizedError";
    private static final String UNAUTHORIZED_CODE = "unauthorized";

    private final UserStore users;
    private final PasswordHasher hasher;
    private final ScriptRunner scripts;
    private final ScriptPolicy policy;

    /**
     * A flow over the own store {@code users} and the sandbox {@code scripts}; login scripts run under
     * {@code policy} (see {@link #legacyStorePolicy}).
     */
    public LoginFlow(UserStore users, PasswordHasher hasher, ScriptRunner scripts, ScriptPolicy policy) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.scripts = Objects.requireNonNull(scripts, "scripts");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * {@code base} with loopback and private networks allowed: legacy user stores usually live on a private
     * network next to the server, and the operator who uploads the script owns both.
     */
    public static ScriptPolicy legacyStorePolicy(ScriptPolicy base) {
        return new ScriptPolicy(base.wallTimeMs(), base.cpuTimeMs(), base.allocatedBytes(), base.stackFrames(),
                base.consoleBytes(), base.resultBytes(), base.scriptBytes(), base.maxConcurrentPerScriptSet(),
                base.maxConcurrent(), base.contextMaxExecutions(), base.contextMaxAgeMs(), base.queryTimeoutMs(),
                base.responseBytes(), base.modules(), base.allowedHosts(), true, true, base.legacyGlobals());
    }

    /**
     * Logs {@code identifier} (an email, or a username when it has no {@code @}) in to {@code connection}. Blocking:
     * it reads and writes the own store, hashes, and waits for the script.
     *
     * @return never null; every script problem is a {@link Failed}
     */
    public LoginResult login(Connection connection, String identifier, String password) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(password, "password");
        ObjectNode settings = connection.options().settings();
        if (!settings.path("enabledDatabaseCustomization").asBoolean(false)) {
            return ownStoreOnly(connection, identifier, password);
        }
        if (settings.path("import_mode").asBoolean(false)) {
            return importMode(connection, identifier, password);
        }
        return legacyMode(connection, identifier, password);
    }

    private LoginResult ownStoreOnly(Connection connection, String identifier, String password) {
        Optional<User> stored = find(connection.name(), identifier).filter(user -> user.passwordHash().isPresent());
        if (stored.isEmpty()) {
            hasher.verifyDummy();
            return new WrongCredentials();
        }
        return verify(stored.get(), password);
    }

    private LoginResult importMode(Connection connection, String identifier, String password) {
        Optional<User> stored = find(connection.name(), identifier).filter(user -> user.passwordHash().isPresent());
        if (stored.isPresent()) {
            return verify(stored.get(), password);
        }
        return runLogin(connection, identifier, password, profile -> importUser(connection, profile, password));
    }

    private LoginResult legacyMode(Connection connection, String identifier, String password) {
        return runLogin(connection, identifier, password, profile -> cacheUser(connection, profile));
    }

    private LoginResult runLogin(Connection connection, String identifier, String password, OnProfile onProfile) {
        Optional<ScriptSet> set = scriptSet(connection);
        if (set.isEmpty()) {
            return new Failed(FailureReason.NO_LOGIN_SCRIPT, "the connection has no login script");
        }
        ScriptResult result = scripts.run(set.get(), ScriptKey.LOGIN, List.of(
                JsonNodeFactory.instance.textNode(identifier), JsonNodeFactory.instance.textNode(password)))
                .join();
        LoginResult login = switch (result.outcome()) {
            case ScriptOutcome.Success success -> success(success.value(), onProfile);
            case ScriptOutcome.Failure failure -> failure(failure.error());
            case ScriptOutcome.Limit limit -> new Failed(FailureReason.SCRIPT_LIMIT,
                    "the login script hit the limit " + limit.name() + ": " + limit.message());
            case ScriptOutcome.Busy busy -> new Failed(FailureReason.RUNTIME_BUSY,
                    "the script runtime is busy: " + busy.message());
        };
        if (login instanceof WrongCredentials && result.passwordHashes() == 0) {
            // The script said no without checking a password (an unknown user): do the work a wrong password
            // costs, so the answer's timing does not tell the two apart.
            hasher.verifyDummy();
        }
        return login;
    }

    private LoginResult success(JsonNode value, OnProfile onProfile) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return new WrongCredentials();
        }
        if (!value.isObject()) {
            return new Failed(FailureReason.INVALID_PROFILE, "the login script returned a " + value.getNodeType()
                    + " instead of a profile");
        }
        ObjectNode profile = (ObjectNode) value;
        Optional<String> userId = userId(profile);
        if (userId.isEmpty()) {
            return new Failed(FailureReason.INVALID_PROFILE, "the login script returned a profile without user_id");
        }
        try {
            return onProfile.apply(new ScriptProfile(userId.get(), profile));
        } catch (IllegalArgumentException e) {
            return new Failed(FailureReason.INVALID_PROFILE, "the login script returned an unusable profile: "
                    + e.getMessage());
        }
    }

    private static LoginResult failure(ScriptError error) {
        if (error.name().equals(WRONG_CREDENTIALS_ERROR) || error.code().filter(WRONG_CREDENTIALS_CODE::equals)
                .isPresent()) {
            return new WrongCredentials();
        }
        if (error.name().equals(UNAUTHORIZED_ERROR) || error.code().filter(UNAUTHORIZED_CODE::equals).isPresent()) {
            String message = Optional.ofNullable(error.message()).filter(m -> !m.isEmpty())
                    .or(error::description).orElse("Unauthorized.");
            return new Unauthorized(message);
        }
        return new Failed(FailureReason.SCRIPT_FAILED, "the login script failed: " + error.name() + ": "
                + error.message());
    }

    private LoginResult importUser(Connection connection, ScriptProfile profile, String password) {
        NewUser user = profile.newUser(connection.name(), UserSource.IMPORTED).withPasswordHash(hasher.hash(password));
        try {
            return new LoggedIn(loginProfile(users.create(user)));
        } catch (DuplicateUserException e) {
            // A concurrent first login (or an earlier legacy-mode cache) got there first.
            Optional<User> existing = users.findById(connection.name(), profile.userId());
            // The same person only when the email matches too: a script that gives two people one user_id must
            // never let one of them in as the other.
            if (existing.isEmpty() || !existing.get().email().equals(user.email())) {
                return new Failed(FailureReason.INVALID_PROFILE, "the login script returned a profile whose "
                        + e.key().name().toLowerCase(java.util.Locale.ROOT) + " belongs to another user");
            }
            if (existing.get().passwordHash().isEmpty()) {
                users.setPassword(connection.name(), profile.userId(), user.passwordHash().orElseThrow());
                return new LoggedIn(loginProfile(existing.get()));
            }
            return verify(existing.get(), password);
        }
    }

    private LoginResult cacheUser(Connection connection, ScriptProfile profile) {
        NewUser user = profile.newUser(connection.name(), UserSource.LEGACY_CACHE);
        Optional<User> refreshed = users.updateProfile(connection.name(), profile.userId(), profile.changes());
        if (refreshed.isPresent()) {
            return new LoggedIn(loginProfile(refreshed.get()));
        }
        try {
            return new LoggedIn(loginProfile(users.create(user)));
        } catch (DuplicateUserException e) {
            return users.updateProfile(connection.name(), profile.userId(), profile.changes())
                    .<LoginResult>map(u -> new LoggedIn(loginProfile(u)))
                    .orElseGet(() -> new Failed(FailureReason.INVALID_PROFILE, "the login script returned a profile "
                            + "whose " + e.key().name().toLowerCase(java.util.Locale.ROOT)
                            + " belongs to another user"));
        }
    }

    private LoginResult verify(User user, String password) {
        return hasher.verify(password, user.passwordHash().orElseThrow())
                ? new LoggedIn(loginProfile(user)) : new WrongCredentials();
    }

    private Optional<User> find(String connection, String identifier) {
        return identifier.indexOf('@') >= 0 ? users.findByEmail(connection, identifier)
                : users.findByUsername(connection, identifier);
    }

    /** The connection's scripts as a script set; its id changes whenever the connection does. */
    private Optional<ScriptSet> scriptSet(Connection connection) {
        Map<ScriptKey, String> sources = new EnumMap<>(ScriptKey.class);
        connection.options().customScripts().forEach((key, source) ->
                ScriptKey.of(key).ifPresent(scriptKey -> sources.put(scriptKey, source)));
        if (!sources.containsKey(ScriptKey.LOGIN)) {
            return Optional.empty();
        }
        return Optional.of(new ScriptSet(connection.id() + "@" + connection.updatedAt(), sources,
                connection.options().configuration(), policy));
    }

    private static Optional<String> userId(ObjectNode profile) {
        JsonNode id = profile.hasNonNull("user_id") ? profile.get("user_id") : profile.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(id.asText());
    }

    private static LoginProfile loginProfile(User user) {
        ObjectNode profile = user.profile();
        return new LoginProfile(user.userId(), user.email(), user.emailVerified(), user.username(),
                text(profile, "name"), text(profile, "nickname"), text(profile, "picture"));
    }

    private static Optional<String> text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText())
                : Optional.empty();
    }

    @FunctionalInterface
    private interface OnProfile {
        LoginResult apply(ScriptProfile profile);
    }

    /** A login script's profile with its user id. */
    private record ScriptProfile(String userId, ObjectNode raw) {

        NewUser newUser(String connection, UserSource source) {
            NewUser user = NewUser.of(connection, userId, source).withProfile(attributes());
            Optional<String> email = text(raw, "email");
            if (email.isPresent()) {
                user = user.withEmail(email.get(), raw.path("email_verified").asBoolean(false));
            }
            Optional<String> username = text(raw, "username");
            return username.isPresent() ? user.withUsername(username.get()) : user;
        }

        UserChanges changes() {
            UserChanges changes = UserChanges.none().withProfile(attributes());
            Optional<String> email = text(raw, "email");
            if (email.isPresent()) {
                changes = changes.withEmail(email.get(), raw.path("email_verified").asBoolean(false));
            }
            Optional<String> username = text(raw, "username");
            return username.isPresent() ? changes.withUsername(username.get()) : changes;
        }

        /** The profile without its keys, {@code metadata} renamed to {@code app_metadata}. */
        private ObjectNode attributes() {
            ObjectNode attributes = raw.deepCopy();
            JsonNode metadata = attributes.remove("metadata");
            if (metadata != null && metadata.isObject()) {
                attributes.set("app_metadata", metadata);
            }
            attributes.remove(List.of("user_id", "id", "email", "email_verified", "username", "password",
                    "password_hash", "identities"));
            return attributes;
        }
    }
}
