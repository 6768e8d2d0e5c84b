-- The own store's users. One file for H2, PostgreSQL and MySQL/MariaDB: portable types only.
-- ${table_options} is empty on H2 and PostgreSQL; on MySQL/MariaDB it selects InnoDB, utf8mb4 and a binary
-- collation so that keys compare exactly (case- and accent-sensitive) as they do on the other two.
-- Times are epoch milliseconds (UTC) in BIGINT: no time zone or TIMESTAMP-default differences between engines.
CREATE TABLE users (
    id             VARCHAR(36)  NOT NULL,
    connection     VARCHAR(128) NOT NULL,
    user_id        VARCHAR(255) NOT NULL,
    email          VARCHAR(255),
    username       VARCHAR(255),
    password_hash  VARCHAR(512),
    email_verified BOOLEAN      NOT NULL,
    profile        TEXT         NOT NULL,
    source         VARCHAR(16)  NOT NULL,
    created_at     BIGINT       NOT NULL,
    updated_at     BIGINT       NOT NULL,
    migrated_at    BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT users_user_id_uk UNIQUE (connection, user_id),
    CONSTRAINT users_email_uk UNIQUE (connection, email),
    CONSTRAINT users_username_uk UNIQUE (connection, username),
    CONSTRAINT users_source_ck CHECK (source IN ('imported', 'signed-up', 'bulk', 'legacy-cache'))
) ${table_options};

CREATE INDEX users_email_idx ON users (email);
CREATE INDEX users_created_idx ON users (created_at, id);
