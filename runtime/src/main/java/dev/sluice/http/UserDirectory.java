package dev.sluice.http;

import java.util.List;
import java.util.Optional;

/**
 * The own store's users as the Management API reads them; the CLI wires it to the user store (the http package
 * does not import {@code dev.sluice.user}). Every method is blocking (call it through {@code executeBlocking}) and
 * throws whatever the store throws on a database failure.
 */
public interface UserDirectory {

    /**
     * One page of users, oldest first, with the total over all pages; a page past the end is empty and still
     * carries the total. Blocking.
     *
     * @param connection only users of this connection
     * @param email      only users with this email (compared in lower case)
     * @param page       the page, from 0
     * @param perPage    users per page, 1..100
     */
    Page search(Optional<String> connection, Optional<String> email, int page, int perPage);

    /**
     * Every user with the script's {@code userId} (without {@code auth0|}) over all connections, oldest first;
     * empty when there is none. Blocking.
     */
    List<DirectoryUser> byUserId(String userId);

    /**
     * Every user with {@code email} (compared in lower case) over all connections, oldest first; empty when there
     * is none. Blocking.
     */
    List<DirectoryUser> byEmail(String email);

    /**
     * One page of a {@link #search}.
     *
     * @param users the users on this page
     * @param total how many users match over all pages
     */
    record Page(List<DirectoryUser> users, long total) {

        public Page {
            users = List.copyOf(users);
        }
    }
}
