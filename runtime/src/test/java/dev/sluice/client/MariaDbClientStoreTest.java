package dev.sluice.client;

import dev.sluice.store.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** The client store contract on MariaDb. */
class MariaDbClientStoreTest extends ClientStoreContract {

    @BeforeAll
    static void start() {
        open(TestDatabases.Engine.MARIADB);
    }
}
