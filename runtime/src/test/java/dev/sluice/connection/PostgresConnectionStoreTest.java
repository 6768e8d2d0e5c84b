package dev.sluice.connection;

import dev.sluice.store.TestDatabases;

/** {@link ConnectionStoreContract} on Postgres. */
class PostgresConnectionStoreTest extends ConnectionStoreContract {

    @Override
    TestDatabases.Engine engine() {
        return TestDatabases.Engine.POSTGRESQL;
    }
}
