package dev.sluice.store;

/**
 * The database failed in a way the caller cannot act on (unreachable, a migration that does not apply, an
 * unexpected SQL error). Answered as a bare 500 and logged once. The message never carries values of a row.
 */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
