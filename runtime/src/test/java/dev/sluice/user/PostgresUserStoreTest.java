package dev.sluice.user;

import dev.sluice.store.TestDatabases;

/** {@link UserStoreContract} on Postgres. */
class PostgresUserStoreTest extends UserStoreContract {

    @Override
    TestDatabases.Engine engine() {
        return TestDatabases.Engine.POSTGRESQL;
    }
}
