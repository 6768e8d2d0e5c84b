package dev.sluice.connection;

import dev.sluice.store.TestDatabases;

/** {@link ConnectionStoreContract} on H2. */
class H2ConnectionStoreTest extends ConnectionStoreContract {

    @Override
    TestDatabases.Engine engine() {
        return TestDatabases.Engine.H2;
    }
}
