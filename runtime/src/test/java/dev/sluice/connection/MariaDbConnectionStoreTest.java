package dev.sluice.connection;

import dev.sluice.store.TestDatabases;

/** {@link ConnectionStoreContract} on MariaDb. */
class MariaDbConnectionStoreTest extends ConnectionStoreContract {

    @Override
    TestDatabases.Engine engine() {
        return TestDatabases.Engine.MARIADB;
    }
}
