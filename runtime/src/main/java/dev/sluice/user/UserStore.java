package dev.sluice.user;

import java.util.Optional;

/**
 * The own store's users, keyed by connection. Every method is blocking (it talks to the database; call it off any
 * event loop) and commits before it returns. Lookups with a key that no stored user can have (empty, or with
 * leading or trailing white space) find nothing. Database failures surface as
 * {@link dev.sluice.store.StoreException}.
 */
public interface UserStore {

    /**
     * The user with the script's {@code userId} in {@code connection}; empty when there is none.
     */
    Optional<User> findById(String connection, String userId);

    /**
     * Every user with the script's {@code userId}, over all connections, oldest first (ties in a stable order).
     * A user id is meant to be unique across the deployment (CONTRACT.md), so more than one element means two
     * connections hand out the same id; the caller decides what that means. Blocking.
     *
     * @return the matches; empty when there is none (or the id cannot be stored)
     */
    java.util.List<User> findByUserIdAnyConnection(String userId);

    /**
     * The user with {@code email} (compared in lower case) in {@code connection}; empty when there is none.
     */
    Optional<User> findByEmail(String connection, String email);

    /**
     * The user with exactly {@code username} in {@code connection}; empty when there is none.
     */
    Optional<User> findByUsername(String connection, String username);

    /**
     * Creates the user atomically (one row or none). Concurrent creates of the same user yield one row; every other
     * attempt throws.
     *
     * @return the stored user, with its timestamps
     * @throws DuplicateUserException when the connection already has a user with its user_id, email or username
     */
    User create(NewUser user);

    /**
     * Applies {@code changes} to the user and bumps its {@code updatedAt}, atomically.
     *
     * @return the changed user; empty when there is no such user (nothing changed)
     * @throws DuplicateUserException when the new email or username belongs to another user (nothing changed)
     */
    Optional<User> updateProfile(String connection, String userId, UserChanges changes);

    /**
     * Replaces the user's password hash (from {@link PasswordHasher#hash} or an imported one).
     *
     * @return false when there is no such user
     */
    boolean setPassword(String connection, String userId, String passwordHash);

    /**
     * Deletes the user.
     *
     * @return false when there was no such user
     */
    boolean delete(String connection, String userId);

    /**
     * One page of the users matching {@code query}, with the total over all pages. A page past the end is empty
     * and still carries the total.
     */
    UserPage search(UserQuery query);
}
