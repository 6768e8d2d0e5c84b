package dev.sluice.user;

import dev.sluice.store.Dialect;
import dev.sluice.store.StoreException;
import java.sql.SQLException;
import java.util.Optional;

/** Turns a unique violation on {@code users} into a {@link DuplicateUserException} naming the key taken. */
final class DuplicateKeys {

    private final Dialect dialect;
    private final UserStore lookups;

    DuplicateKeys(Dialect dialect, UserStore lookups) {
        this.dialect = dialect;
        this.lookups = lookups;
    }

    /**
     * The duplicate that {@code e} reports. The constraint's name says which key collided; when the driver's
     * message names none, the keys of the attempted row are looked up ({@code userId} is empty for an update, whose
     * own id cannot collide).
     *
     * @throws StoreException when the key cannot be told (the colliding row is already gone)
     */
    DuplicateUserException of(SQLException e, String connection, Optional<String> userId, Optional<String> email,
                               Optional<String> username) {
        Optional<DuplicateUserException.Key> key = dialect.violatedUniqueConstraint(e).flatMap(DuplicateKeys::key);
        if (key.isEmpty()) {
            key = takenKey(connection, userId, email, username);
        }
        return key.map(taken -> new DuplicateUserException(connection, taken))
                .orElseThrow(() -> new StoreException("a unique constraint failed: " + e.getMessage(), e));
    }

    private static Optional<DuplicateUserException.Key> key(String constraint) {
        return switch (constraint) {
            case "users_user_id_uk" -> Optional.of(DuplicateUserException.Key.USER_ID);
            case "users_email_uk" -> Optional.of(DuplicateUserException.Key.EMAIL);
            case "users_username_uk" -> Optional.of(DuplicateUserException.Key.USERNAME);
            default -> Optional.empty();
        };
    }

    private Optional<DuplicateUserException.Key> takenKey(String connection, Optional<String> userId,
                                                          Optional<String> email, Optional<String> username) {
        if (userId.flatMap(value -> lookups.findById(connection, value)).isPresent()) {
            return Optional.of(DuplicateUserException.Key.USER_ID);
        }
        if (email.flatMap(value -> lookups.findByEmail(connection, value)).isPresent()) {
            return Optional.of(DuplicateUserException.Key.EMAIL);
        }
        return username.flatMap(value -> lookups.findByUsername(connection, value))
                .map(found -> DuplicateUserException.Key.USERNAME);
    }
}
