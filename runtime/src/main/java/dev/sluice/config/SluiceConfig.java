package dev.sluice.config;

/**
 * The whole configuration, loaded once at startup by {@link ConfigLoader} and immutable afterwards. The CLI hands
 * each component only its own slice. {@link #toString()} is safe to log: no password, secret or key appears in it.
 */
public record SluiceConfig(
        ServerConfig server,
        DataConfig data,
        DatabaseConfig database,
        IssuerConfig issuer,
        AdminClientConfig adminClient,
        PasswordConfig passwords,
        EncryptionKey encryptionKey) {
}
