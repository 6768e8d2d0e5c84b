package dev.sluice.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sluice.cli.StoreUserDirectory;
import dev.sluice.client.Client;
import dev.sluice.client.ClientStore;
import dev.sluice.client.NewClient;
import dev.sluice.config.AdminClientConfig;
import dev.sluice.config.IssuerConfig;
import dev.sluice.connection.ConfigurationCipher;
import dev.sluice.connection.ConnectionDraft;
import dev.sluice.connection.ConnectionOptions;
import dev.sluice.connection.JdbcConnectionStore;
import dev.sluice.migration.LoginFlow;
import dev.sluice.migration.PasswordLogins;
import dev.sluice.migration.SignupFlow;
import dev.sluice.migration.Signups;
import dev.sluice.sandbox.GraalScriptRunner;
import dev.sluice.sandbox.Sandboxes;
import dev.sluice.sandbox.ScriptPolicy;
import dev.sluice.store.Database;
import dev.sluice.store.StoreSettings;
import dev.sluice.token.FileSigningKeyStore;
import dev.sluice.token.Jwks;
import dev.sluice.token.SigningKeys;
import dev.sluice.token.TokenIssuer;
import dev.sluice.token.TokenSettings;
import dev.sluice.token.TokenVerifier;
import dev.sluice.user.JdbcUserStore;
import dev.sluice.user.PasswordHasher;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.spec.SecretKeySpec;

/**
 * The real HTTP server with everything a login needs, for the tests of the password-realm grant, signup and
 * {@code /userinfo}: the own store, clients and connections on embedded H2 in a temp directory, signing keys, the
 * real sandbox, and one confidential client allowed the password-realm grant. Connections are added before
 * {@link #start}; {@link #close} stops all of it.
 */
final class LoginServer implements AutoCloseable {

    static final String ISSUER = "https://auth.example.com/";
    static final String GRANT = "http://auth0.com/oauth/grant-type/password-realm";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Database database;
    private final GraalScriptRunner runner;
    private final JdbcUserStore users;
    private final JdbcConnectionStore connections;
    private final TokenIssuer issuer;
    private final TokenVerifier verifier;
    private final OAuthServices oauth;
    private final Client client;
    private final Jwks jwks;
    private final PasswordHasher hasher = new PasswordHasher(4);
    private SluiceHttpServer server;

    LoginServer(Path data) {
        database = Database.open(StoreSettings.embedded(data));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretKeySpec aes = new SecretKeySpec(key, "AES");
        SigningKeys keys = SigningKeys.open(new FileSigningKeyStore(data, key), Clock.systemUTC(), 1);
        TokenSettings tokens = TokenSettings.defaults(ISSUER);
        issuer = new TokenIssuer(keys, tokens, Clock.systemUTC());
        verifier = new TokenVerifier(keys, tokens, Clock.systemUTC());
        ClientStore clients = new ClientStore(database.dataSource(), aes, new SecureRandom(), Clock.systemUTC());
        client = clients.create(new NewClient("web app", "regular_web", List.of(GRANT), "client_secret_post",
                List.of()));
        oauth = new OAuthServices(issuer, verifier, clients,
                new AdminClientConfig("bootstrap-admin", "bootstrap-admin-secret-0123456789", Optional.empty()));
        connections = new JdbcConnectionStore(database.dataSource(), database.dialect(),
                new ConfigurationCipher(aes), Clock.systemUTC());
        runner = Sandboxes.runner();
        users = new JdbcUserStore(database);
        jwks = new Jwks(keys);
    }

    /** Adds an import-mode connection with database customization on. */
    LoginServer importing(String name, Map<String, String> scripts, Map<String, String> configuration) {
        connections.create(new ConnectionDraft(name, new ConnectionOptions(scripts, configuration,
                JsonNodeFactory.instance.objectNode().put("enabledDatabaseCustomization", true)
                        .put("import_mode", true)), List.of()));
        return this;
    }

    /** Starts the server with the token endpoint's grants, signup and the user reads (with {@code /userinfo}). */
    LoginServer start() {
        ScriptPolicy policy = LoginFlow.legacyStorePolicy(ScriptPolicy.defaults());
        PasswordLogins logins = new PasswordLogins(connections, new LoginFlow(users, hasher, runner, policy));
        server = SluiceHttpServer.start(new HttpSettings(0, 64 * 1024), IssuerConfig.parse(ISSUER), jwks,
                () -> new Health(true, "Interpreted", List.of()), RouteGroups.none().withOAuth(oauth)
                        .withLogins(logins).withUsers(new StoreUserDirectory(users))
                        .withSignups(new Signups(logins, new SignupFlow(users, hasher, runner, policy))));
        return this;
    }

    Client client() {
        return client;
    }

    JdbcUserStore users() {
        return users;
    }

    TokenIssuer issuer() {
        return issuer;
    }

    TokenVerifier verifier() {
        return verifier;
    }

    /** {@code http://127.0.0.1:<port>}. */
    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A password-realm token request for this fixture's client, with {@code parameters} added or replaced. */
    HttpResponse<String> token(Map<String, String> parameters) throws Exception {
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("grant_type", GRANT, "client_id",
                client.clientId(), "client_secret", client.secret()));
        form.putAll(parameters);
        return post("/oauth/token", form);
    }

    /** POSTs {@code form} form-encoded to {@code path}. */
    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends {@code request} and reads the body as a string. */
    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        runner.close();
        database.close();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
