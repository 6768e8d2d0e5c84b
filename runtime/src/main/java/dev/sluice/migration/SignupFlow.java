package dev.sluice.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.connection.Connection;
import dev.sluice.migration.SignupResult.Failed;
import dev.sluice.migration.SignupResult.FailureReason;
import dev.sluice.migration.SignupResult.Invalid;
import dev.sluice.migration.SignupResult.SignedUp;
import dev.sluice.migration.SignupResult.SignupDisabled;
import dev.sluice.migration.SignupResult.UserExists;
import dev.sluice.migration.SignupResult.WeakPassword;
import dev.sluice.sandbox.ScriptError;
import dev.sluice.sandbox.ScriptKey;
import dev.sluice.sandbox.ScriptOutcome;
import dev.sluice.sandbox.ScriptPolicy;
import dev.sluice.sandbox.ScriptRunner;
import dev.sluice.sandbox.ScriptSet;
import dev.sluice.user.DuplicateUserException;
import dev.sluice.user.NewUser;
import dev.sluice.user.PasswordHasher;
import dev.sluice.user.User;
import dev.sluice.user.UserSource;
import dev.sluice.user.UserStore;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The signup of a database connection (CONTRACT.md §3):
 * <ul>
 *   <li>{@code enabledDatabaseCustomization: false}: the own store only; a new user gets a random 24-hex id and the
 *       password hashed (source {@code signed-up}).</li>
 *   <li>import mode: the own store, then {@code get_user(email)}; a profile means the user exists; no profile
 *       creates the user in the own store as above. A {@code get_user} failure creates nothing: the legacy store
 *       might hold the user.</li>
 *   <li>legacy mode: {@code get_user(email)}; then {@code create(user)}; then {@code login(email, password)} through
 *       {@link LoginFlow}, which caches the profile without password hash. {@code ValidationError('user_exists')}
 *       from {@code create} means the user exists.</li>
 * </ul>
 * Before any of that: {@code disable_signup: true} refuses, {@code requires_username} wants a username, and the
 * password must satisfy the connection's {@code passwordPolicy} ({@link PasswordPolicy}). The password is never
 * logged nor put in a result. Own-store failures surface as {@link dev.sluice.store.StoreException}.
 */
public final class SignupFlow {

    private static final int ID_BYTES = 12;
    private static final String USER_EXISTS_CODE = "user_exists";

    private final UserStore users;
    private final PasswordHasher hasher;
    private final ScriptRunner scripts;
    private final ScriptPolicy policy;
    private final LoginFlow logins;
    private final SecureRandom random = new SecureRandom();

    /** A flow over the own store {@code users} and the sandbox {@code scripts}; scripts run under {@code policy}. */
    public SignupFlow(UserStore users, PasswordHasher hasher, ScriptRunner scripts, ScriptPolicy policy) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.scripts = Objects.requireNonNull(scripts, "scripts");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.logins = new LoginFlow(users, hasher, scripts, policy);
    }

    /**
     * Signs {@code request} up to {@code connection}. Blocking: it reads and writes the own store, hashes, and waits
     * for the scripts.
     *
     * @return never null; every script problem is a {@link Failed} that created nothing
     */
    public SignupResult signup(Connection connection, SignupRequest request) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(request, "request");
        ObjectNode settings = connection.options().settings();
        if (settings.path("disable_signup").asBoolean(false)) {
            return new SignupDisabled();
        }
        if (settings.path("requires_username").asBoolean(false) && request.username().isEmpty()) {
            return new Invalid("The connection requires a username.");
        }
        PasswordPolicy passwords = PasswordPolicy.of(text(settings, "passwordPolicy"));
        if (!passwords.accepts(request.password())) {
            return new WeakPassword(passwords.code());
        }
        if (!settings.path("enabledDatabaseCustomization").asBoolean(false)) {
            return existsInOwnStore(connection, request) ? new UserExists() : createOwn(connection, request);
        }
        if (settings.path("import_mode").asBoolean(false)) {
            return importMode(connection, request);
        }
        return legacyMode(connection, request);
    }

    private SignupResult importMode(Connection connection, SignupRequest request) {
        if (existsInOwnStore(connection, request)) {
            return new UserExists();
        }
        return askLegacyStore(connection, request).orElseGet(() -> createOwn(connection, request));
    }

    private SignupResult legacyMode(Connection connection, SignupRequest request) {
        Optional<SignupResult> known = askLegacyStore(connection, request);
        if (known.isPresent()) {
            return known.get();
        }
        Optional<ScriptSet> set = scriptSet(connection, ScriptKey.CREATE);
        if (set.isEmpty()) {
            return new Failed(FailureReason.NO_SCRIPT, "the connection has no create script");
        }
        ScriptOutcome created = scripts.run(set.get(), ScriptKey.CREATE, List.of(createArgument(connection, request)))
                .join().outcome();
        return switch (created) {
            case ScriptOutcome.Success ignored -> loginAfterCreate(connection, request);
            case ScriptOutcome.Failure failure -> isUserExists(failure.error()) ? new UserExists()
                    : scriptFailed("create", failure.error());
            case ScriptOutcome.Limit limit -> limit("create", limit);
            case ScriptOutcome.Busy busy -> busy(busy);
        };
    }

    /** {@code get_user(email)}: empty when the legacy store does not know the user; else the result to answer. */
    private Optional<SignupResult> askLegacyStore(Connection connection, SignupRequest request) {
        Optional<ScriptSet> set = scriptSet(connection, ScriptKey.GET_USER);
        if (set.isEmpty()) {
            return Optional.of(new Failed(FailureReason.NO_SCRIPT, "the connection has no get_user script"));
        }
        ScriptOutcome outcome = scripts.run(set.get(), ScriptKey.GET_USER,
                List.of(JsonNodeFactory.instance.textNode(request.email()))).join().outcome();
        return switch (outcome) {
            case ScriptOutcome.Success success -> found(success.value());
            case ScriptOutcome.Failure failure -> Optional.of(scriptFailed("get_user", failure.error()));
            case ScriptOutcome.Limit limit -> Optional.of(limit("get_user", limit));
            case ScriptOutcome.Busy busy -> Optional.of(busy(busy));
        };
    }

    private static Optional<SignupResult> found(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Optional.empty();
        }
        if (value.isObject()) {
            return Optional.of(new UserExists());
        }
        return Optional.of(new Failed(FailureReason.INVALID_PROFILE, "the get_user script returned a "
                + value.getNodeType() + " instead of a profile"));
    }

    private SignupResult loginAfterCreate(Connection connection, SignupRequest request) {
        LoginResult login = logins.login(connection, request.email(), request.password());
        return switch (login) {
            case LoginResult.LoggedIn in -> new SignedUp(in.profile().userId(),
                    in.profile().email().orElse(request.email().toLowerCase(java.util.Locale.ROOT)));
            case LoginResult.WrongCredentials wrong -> new Failed(FailureReason.LOGIN_AFTER_CREATE_FAILED,
                    "the create script succeeded but the login script did not accept the new user");
            case LoginResult.Unauthorized refused -> new Failed(FailureReason.LOGIN_AFTER_CREATE_FAILED,
                    "the create script succeeded but the login script refused the new user: " + refused.message());
            case LoginResult.Failed failed -> new Failed(switch (failed.reason()) {
                case SCRIPT_LIMIT -> FailureReason.SCRIPT_LIMIT;
                case RUNTIME_BUSY -> FailureReason.RUNTIME_BUSY;
                case NO_LOGIN_SCRIPT -> FailureReason.NO_SCRIPT;
                case INVALID_PROFILE -> FailureReason.INVALID_PROFILE;
                case SCRIPT_FAILED -> FailureReason.SCRIPT_FAILED;
            }, "after create: " + failed.detail());
        };
    }

    private SignupResult createOwn(Connection connection, SignupRequest request) {
        NewUser user = NewUser.of(connection.name(), newUserId(), UserSource.SIGNED_UP)
                .withEmail(request.email(), false)
                .withProfile(request.attributes())
                .withPasswordHash(hasher.hash(request.password()));
        if (request.username().isPresent()) {
            user = user.withUsername(request.username().get());
        }
        try {
            User created = users.create(user);
            return new SignedUp(created.userId(), created.email().orElse(request.email()));
        } catch (DuplicateUserException e) {
            return new UserExists(); // a concurrent signup with the same email or username got there first
        }
    }

    private boolean existsInOwnStore(Connection connection, SignupRequest request) {
        return users.findByEmail(connection.name(), request.email()).isPresent()
                || request.username().flatMap(name -> users.findByUsername(connection.name(), name)).isPresent();
    }

    /** The {@code user} argument of {@code create} (CONTRACT.md §1). */
    private static ObjectNode createArgument(Connection connection, SignupRequest request) {
        ObjectNode user = JsonNodeFactory.instance.objectNode()
                .put("client_id", request.clientId())
                .put("email", request.email())
                .put("password", request.password());
        request.username().ifPresent(name -> user.put("username", name));
        user.put("connection", connection.name());
        ObjectNode attributes = request.attributes();
        user.set("user_metadata", attributes.has("user_metadata") ? attributes.remove("user_metadata")
                : JsonNodeFactory.instance.objectNode());
        user.set("app_metadata", JsonNodeFactory.instance.objectNode());
        user.setAll(attributes);
        return user;
    }

    /** A new id in the platform's style: 24 hex digits. */
    private String newUserId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean isUserExists(ScriptError error) {
        return error.code().filter(USER_EXISTS_CODE::equals).isPresent();
    }

    private static Failed scriptFailed(String script, ScriptError error) {
        return new Failed(FailureReason.SCRIPT_FAILED, "the " + script + " script failed: " + error.name() + ": "
                + error.message());
    }

    private static Failed limit(String script, ScriptOutcome.Limit limit) {
        return new Failed(FailureReason.SCRIPT_LIMIT, "the " + script + " script hit the limit " + limit.name()
                + ": " + limit.message());
    }

    private static Failed busy(ScriptOutcome.Busy busy) {
        return new Failed(FailureReason.RUNTIME_BUSY, "the script runtime is busy: " + busy.message());
    }

    /** The connection's scripts as a script set (the same id and sources {@link LoginFlow} uses). */
    private Optional<ScriptSet> scriptSet(Connection connection, ScriptKey needed) {
        Map<ScriptKey, String> sources = new EnumMap<>(ScriptKey.class);
        connection.options().customScripts().forEach((key, source) ->
                ScriptKey.of(key).ifPresent(scriptKey -> sources.put(scriptKey, source)));
        if (!sources.containsKey(needed)) {
            return Optional.empty();
        }
        return Optional.of(new ScriptSet(connection.id() + "@" + connection.updatedAt(), sources,
                connection.options().configuration(), policy));
    }

    private static Optional<String> text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText())
                : Optional.empty();
    }
}
