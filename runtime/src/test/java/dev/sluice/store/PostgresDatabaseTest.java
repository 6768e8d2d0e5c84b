package dev.sluice.store;

/** {@link DatabaseContract} on Postgres. */
class PostgresDatabaseTest extends DatabaseContract {

    @Override
    TestDatabases.Engine engine() {
        return TestDatabases.Engine.POSTGRESQL;
    }
}
