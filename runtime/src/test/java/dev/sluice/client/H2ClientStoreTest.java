package dev.sluice.client;

import dev.sluice.store.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** The client store contract on H2. */
class H2ClientStoreTest extends ClientStoreContract {

    @BeforeAll
    static void start() {
        open(TestDatabases.Engine.H2);
    }
}
