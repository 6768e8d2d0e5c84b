package dev.sluice.tests;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The legacy user store the PostgreSQL templates talk to: table {@code users} in a schema of its own
 * ({@code sluice_legacy_<random>}) of the test PostgreSQL ({@code SLUICE_TEST_PG_URL} for host, port and database,
 * {@code SLUICE_TEST_PG_USER} and {@code SLUICE_TEST_PG_PASSWORD}; defaults
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, {@code sluice}/{@code sluice}). The scripts reach the schema through
 * {@code PG_URL}'s {@code options=-c search_path=...}. {@link #dropUsersTable()} drops the whole schema.
 */
record LegacyPostgres(TestPostgres db, String schema) implements LegacyUserTable {

    /** The DDL of scripts-templates/postgres/README.md. */
    private static final String CREATE_USERS = """
            CREATE TABLE users (
                id             SERIAL PRIMARY KEY,
                nickname       TEXT,
                email          TEXT NOT NULL UNIQUE,
                password       TEXT,
                email_verified BOOLEAN NOT NULL DEFAULT false
            )""";

    /** A new, not yet created schema name in the test PostgreSQL. */
    static LegacyPostgres fromEnvironment() {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        return new LegacyPostgres(TestPostgres.fromEnvironment(), "sluice_legacy_" + HexFormat.of().formatHex(random));
    }

    @Override
    public String family() {
        return "postgres";
    }

    /** The templates' {@code configuration}: one {@code PG_URL} selecting the schema; cost-4 hashes. */
    @Override
    public Map<String, String> configuration() {
        return configurationAt(db.port());
    }

    @Override
    public Map<String, String> configurationAt(int port) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("PG_URL", "postgres://" + SluiceServer.encode(db.user()) + ":" + SluiceServer.encode(db.password())
                + "@" + db.host() + ":" + port + "/" + db.database() + "?options=-c%20search_path%3D" + schema);
        out.put("BCRYPT_ROUNDS", "4");
        return out;
    }

    /** Drops and recreates the schema with an empty {@code users} table. */
    @Override
    public void recreateUsersTable() {
        db.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema,
                CREATE_USERS.replace("CREATE TABLE users", "CREATE TABLE " + schema + ".users"));
    }

    @Override
    public void dropUsersTable() {
        db.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Override
    public Connection connect() throws SQLException {
        return db.connect();
    }

    @Override
    public String usersTable() {
        return schema + ".users";
    }
}
