package dev.sluice.client;

import dev.sluice.store.StoreException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.sql.DataSource;

/**
 * The clients of the own store, over plain JDBC on the store's {@link DataSource} (table {@code clients}, migration
 * {@code V2__clients.sql}). Secrets are 32 random bytes in base64url, generated here and kept AES-256-GCM encrypted
 * with the configured encryption key, so they can be shown again as the platform does. Every method is blocking
 * (one or two SQL statements) and throws {@link StoreException} when the database fails. Thread-safe.
 */
public final class ClientStore {

    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ID_LENGTH = 32;
    private static final int SECRET_BYTES = 32;
    private static final String COLUMNS =
            "client_id, name, app_type, grant_types, secret_encrypted, token_auth_method, scopes, created_at, "
                    + "updated_at";

    private final DataSource dataSource;
    private final SecretCipher cipher;
    private final SecureRandom random;
    private final Clock clock;

    /**
     * @param dataSource the store's pool
     * @param encryptionKey the AES-256 key secrets are encrypted with
     * @param random the source of ids and secrets
     * @param clock the source of {@code created_at}/{@code updated_at}
     */
    public ClientStore(DataSource dataSource, SecretKey encryptionKey, SecureRandom random, Clock clock) {
        this.dataSource = dataSource;
        this.cipher = new SecretCipher(encryptionKey, random);
        this.random = random;
        this.clock = clock;
    }

    /** Creates a client with a new id and secret; the returned client carries the plain secret. Blocking. */
    public Client create(NewClient request) {
        long now = clock.millis();
        Client client = new Client(randomId(), request.name(), request.appType(), request.grantTypes(),
                randomSecret(), request.tokenEndpointAuthMethod(), request.scopes(), now, now);
        String sql = "INSERT INTO clients (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            bind(insert, client);
            insert.executeUpdate();
            return client;
        } catch (SQLException e) {
            throw failure("create a client", e);
        }
    }

    /** The client with {@code clientId}; empty when there is none. Blocking. */
    public Optional<Client> find(String clientId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM clients WHERE client_id = ?")) {
            select.setString(1, clientId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read a client", e);
        }
    }

    /**
     * The client when {@code secret} is its secret (compared in constant time); empty for an unknown client or a
     * wrong secret. Blocking.
     */
    public Optional<Client> authenticate(String clientId, String secret) {
        return find(clientId).filter(client -> MessageDigest.isEqual(
                client.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Page {@code page} (from 0) of {@code perPage} clients in creation order, with the total. Blocking. */
    public ClientPage list(int page, int perPage) {
        return page("", page, perPage, "list clients");
    }

    /**
     * Page {@code page} (from 0) of {@code perPage} clients that have Management API scopes (a client grant), in
     * creation order, with their total. Blocking.
     */
    public ClientPage listGranted(int page, int perPage) {
        return page(" WHERE LENGTH(scopes) > 0", page, perPage, "list granted clients");
    }

    private ClientPage page(String where, int page, int perPage, String what) {
        if (page < 0 || perPage < 1) {
            throw new IllegalArgumentException("page must be >= 0 and perPage >= 1");
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                        + " FROM clients" + where + " ORDER BY created_at, client_id LIMIT ? OFFSET ?");
                PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM clients" + where)) {
            select.setInt(1, perPage);
            select.setLong(2, (long) page * perPage);
            List<Client> clients = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    clients.add(read(rows));
                }
            }
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return new ClientPage(clients, rows.getLong(1));
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Applies {@code changes}; the updated client, or empty when there is none. Blocking. */
    public Optional<Client> update(String clientId, ClientChanges changes) {
        Optional<Client> current = find(clientId);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Client updated = changes.applyTo(current.get(), clock.millis());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE clients SET name = ?, app_type = ?,"
                        + " grant_types = ?, token_auth_method = ?, updated_at = ? WHERE client_id = ?")) {
            update.setString(1, updated.name());
            update.setString(2, updated.appType());
            update.setString(3, String.join(" ", updated.grantTypes()));
            update.setString(4, updated.tokenEndpointAuthMethod());
            update.setLong(5, updated.updatedAt());
            update.setString(6, clientId);
            return update.executeUpdate() == 1 ? Optional.of(updated) : Optional.empty();
        } catch (SQLException e) {
            throw failure("update a client", e);
        }
    }

    /**
     * Replaces the client's Management API scopes (empty: none); the updated client, or empty when there is none.
     * Blocking.
     */
    public Optional<Client> setScopes(String clientId, List<String> scopes) {
        if (scopes.stream().anyMatch(scope -> scope == null || scope.isBlank() || scope.contains(" "))) {
            throw new IllegalArgumentException("scope: every scope must be non-blank without spaces");
        }
        Optional<Client> current = find(clientId);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Client client = current.get();
        long now = clock.millis();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE clients SET scopes = ?, updated_at = ? WHERE client_id = ?")) {
            update.setString(1, String.join(" ", scopes));
            update.setLong(2, now);
            update.setString(3, clientId);
            return update.executeUpdate() == 1
                    ? Optional.of(new Client(clientId, client.name(), client.appType(), client.grantTypes(),
                            client.secret(), client.tokenEndpointAuthMethod(), List.copyOf(scopes), client.createdAt(),
                            now))
                    : Optional.empty();
        } catch (SQLException e) {
            throw failure("set a client's scopes", e);
        }
    }

    /** Deletes the client; false when there was none. Blocking. */
    public boolean delete(String clientId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM clients WHERE client_id = ?")) {
            delete.setString(1, clientId);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("delete a client", e);
        }
    }

    private void bind(PreparedStatement insert, Client client) throws SQLException {
        insert.setString(1, client.clientId());
        insert.setString(2, client.name());
        insert.setString(3, client.appType());
        insert.setString(4, String.join(" ", client.grantTypes()));
        insert.setString(5, cipher.encrypt(client.clientId(), client.secret()));
        insert.setString(6, client.tokenEndpointAuthMethod());
        insert.setString(7, String.join(" ", client.scopes()));
        insert.setLong(8, client.createdAt());
        insert.setLong(9, client.updatedAt());
    }

    private Client read(ResultSet rows) throws SQLException {
        String clientId = rows.getString("client_id");
        return new Client(clientId, rows.getString("name"), rows.getString("app_type"),
                split(rows.getString("grant_types")), cipher.decrypt(clientId, rows.getString("secret_encrypted")),
                rows.getString("token_auth_method"), split(rows.getString("scopes")), rows.getLong("created_at"),
                rows.getLong("updated_at"));
    }

    private static List<String> split(String joined) {
        return Arrays.stream(joined.split(" ")).filter(s -> !s.isEmpty()).toList();
    }

    private String randomId() {
        StringBuilder id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private String randomSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static StoreException failure(String what, SQLException e) {
        return new StoreException("cannot " + what + ": " + e.getMessage(), e);
    }
}
