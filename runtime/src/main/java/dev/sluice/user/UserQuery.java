package dev.sluice.user;

import java.util.Objects;
import java.util.Optional;

/**
 * A page of a user search. Filters combine with AND; no filter lists every user. Results are ordered by creation
 * time (ties in a stable but unspecified order), the same on every database.
 *
 * @param connection only users of this connection
 * @param email      only users with this email (compared in lower case)
 * @param page       the page, from 0
 * @param perPage    users per page, 1..{@value #MAX_PER_PAGE}
 */
public record UserQuery(Optional<String> connection, Optional<String> email, int page, int perPage) {

    /** The largest page size, as on the platform. */
    public static final int MAX_PER_PAGE = 100;

    /** The page size when none is given, as on the platform. */
    public static final int DEFAULT_PER_PAGE = 50;

    public UserQuery {
        Objects.requireNonNull(connection, "connection");
        email = Objects.requireNonNull(email, "email").map(UserFields::email);
        if (page < 0) {
            throw new IllegalArgumentException("page: must be 0 or more, was " + page);
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("per_page: must be 1.." + MAX_PER_PAGE + ", was " + perPage);
        }
    }

    /** The first page of every user, {@value #DEFAULT_PER_PAGE} per page. */
    public static UserQuery all() {
        return new UserQuery(Optional.empty(), Optional.empty(), 0, DEFAULT_PER_PAGE);
    }

    /** This query restricted to one connection. */
    public UserQuery inConnection(String connection) {
        return new UserQuery(Optional.of(connection), email, page, perPage);
    }

    /** This query restricted to one email. */
    public UserQuery withEmail(String email) {
        return new UserQuery(connection, Optional.of(email), page, perPage);
    }

    /** This query at another page. */
    public UserQuery page(int page, int perPage) {
        return new UserQuery(connection, email, page, perPage);
    }

    /** How many users the pages before this one hold. */
    public long offset() {
        return (long) page * perPage;
    }
}
