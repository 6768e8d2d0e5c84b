package dev.sluice.client;

import dev.sluice.store.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** The client store contract on Postgres. */
class PostgresClientStoreTest extends ClientStoreContract {

    @BeforeAll
    static void start() {
        open(TestDatabases.Engine.POSTGRESQL);
    }
}
