package dev.sluice.user;

import dev.sluice.store.TestDatabases;

/** {@link UserStoreContract} on H2. */
class H2UserStoreTest extends UserStoreContract {

    @Override
    TestDatabases.Engine engine() {
        return TestDatabases.Engine.H2;
    }
}
