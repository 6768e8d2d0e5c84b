-- Connections (dev.sluice.connection). Portable like V1: ${table_options} is empty on H2/PostgreSQL and selects
-- InnoDB, utf8mb4 and a binary collation on MySQL/MariaDB. Times are epoch milliseconds in BIGINT.
-- Scripts are cut into parts of at most 16,000 characters (≤ 64,000 bytes in utf8mb4) so that each part fits
-- MySQL's TEXT; configuration values are AES-GCM encrypted, one row and one nonce per value.
CREATE TABLE connections (
    id              VARCHAR(64)  NOT NULL,
    name            VARCHAR(128) NOT NULL,
    strategy        VARCHAR(32)  NOT NULL,
    options         TEXT         NOT NULL,
    enabled_clients TEXT         NOT NULL,
    created_at      BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT connections_name_uk UNIQUE (name)
) ${table_options};

CREATE TABLE connection_scripts (
    connection_id VARCHAR(64) NOT NULL,
    script_key    VARCHAR(64) NOT NULL,
    part_no       INTEGER     NOT NULL,
    source        TEXT        NOT NULL,
    PRIMARY KEY (connection_id, script_key, part_no),
    CONSTRAINT connection_scripts_fk FOREIGN KEY (connection_id) REFERENCES connections (id)
) ${table_options};

CREATE TABLE connection_configuration (
    connection_id   VARCHAR(64)  NOT NULL,
    name            VARCHAR(255) NOT NULL,
    value_encrypted TEXT         NOT NULL,
    PRIMARY KEY (connection_id, name),
    CONSTRAINT connection_configuration_fk FOREIGN KEY (connection_id) REFERENCES connections (id)
) ${table_options};
