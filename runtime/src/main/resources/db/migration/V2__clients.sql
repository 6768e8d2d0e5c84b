-- OAuth clients (applications). Same conventions as V1: portable types, ${table_options} for MySQL/MariaDB's
-- InnoDB/utf8mb4_bin, times as epoch milliseconds in BIGINT. The secret is AES-256-GCM encrypted with the
-- configured encryption key (base64 of iv, ciphertext and tag); grant_types and scopes are space-separated.
CREATE TABLE clients (
    client_id           VARCHAR(64)   NOT NULL,
    name                VARCHAR(255)  NOT NULL,
    app_type            VARCHAR(32)   NOT NULL,
    grant_types         VARCHAR(1100) NOT NULL,
    secret_encrypted    VARCHAR(512)  NOT NULL,
    token_auth_method   VARCHAR(32)   NOT NULL,
    scopes              TEXT          NOT NULL,
    created_at          BIGINT        NOT NULL,
    updated_at          BIGINT        NOT NULL,
    PRIMARY KEY (client_id)
) ${table_options};

CREATE INDEX clients_created_idx ON clients (created_at, client_id);
