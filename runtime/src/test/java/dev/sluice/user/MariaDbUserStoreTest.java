package dev.sluice.user;

import dev.sluice.store.TestDatabases;

/** {@link UserStoreContract} on MariaDb. */
class MariaDbUserStoreTest extends UserStoreContract {

    @Override
    TestDatabases.Engine engine() {
        return TestDatabases.Engine.MARIADB;
    }
}
