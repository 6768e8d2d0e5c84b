package dev.sluice.store;

/** {@link DatabaseContract} on MariaDb. */
class MariaDbDatabaseTest extends DatabaseContract {

    @Override
    TestDatabases.Engine engine() {
        return TestDatabases.Engine.MARIADB;
    }
}
