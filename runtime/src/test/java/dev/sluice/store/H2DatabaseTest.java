package dev.sluice.store;

/** {@link DatabaseContract} on H2. */
class H2DatabaseTest extends DatabaseContract {

    @Override
    TestDatabases.Engine engine() {
        return TestDatabases.Engine.H2;
    }
}
