package dev.sluice.user;

import java.util.List;

/**
 * One page of a {@link UserQuery}'s results.
 *
 * @param users   the users on this page (at most {@code perPage})
 * @param page    the page, from 0
 * @param perPage the page size asked for
 * @param total   how many users match the query over all pages
 */
public record UserPage(List<User> users, int page, int perPage, long total) {

    public UserPage {
        users = List.copyOf(users);
    }

    /** The index of the first user of this page among all matches (the platform's {@code start}). */
    public long start() {
        return (long) page * perPage;
    }
}
