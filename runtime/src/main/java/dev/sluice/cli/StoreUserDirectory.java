package dev.sluice.cli;

import dev.sluice.http.DirectoryUser;
import dev.sluice.http.UserDirectory;
import dev.sluice.user.User;
import dev.sluice.user.UserPage;
import dev.sluice.user.UserQuery;
import dev.sluice.user.UserStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Management API's {@link UserDirectory} over the own {@link UserStore}; blocking like the store. */
public final class StoreUserDirectory implements UserDirectory {

    private static final int MAX_KEY = 255;

    private final UserStore store;

    /** A directory reading {@code store}. */
    public StoreUserDirectory(UserStore store) {
        this.store = store;
    }

    @Override
    public Page search(Optional<String> connection, Optional<String> email, int page, int perPage) {
        if (email.filter(StoreUserDirectory::unstorable).isPresent()) {
            return new Page(List.of(), 0);
        }
        UserPage found = store.search(new UserQuery(connection, email, page, perPage));
        return new Page(found.users().stream().map(StoreUserDirectory::shown).toList(), found.total());
    }

    @Override
    public List<DirectoryUser> byUserId(String userId) {
        return store.findByUserIdAnyConnection(userId).stream().map(StoreUserDirectory::shown).toList();
    }

    @Override
    public List<DirectoryUser> byEmail(String email) {
        if (unstorable(email)) {
            return List.of();
        }
        List<DirectoryUser> found = new ArrayList<>();
        UserQuery query = UserQuery.all().withEmail(email).page(0, UserQuery.MAX_PER_PAGE);
        for (int page = 0; ; page++) {
            UserPage users = store.search(query.page(page, UserQuery.MAX_PER_PAGE));
            users.users().forEach(user -> found.add(shown(user)));
            if (users.users().isEmpty() || found.size() >= users.total()) {
                return List.copyOf(found);
            }
        }
    }

    /** An email no stored user can have (the store refuses such a key), so it matches nobody. */
    private static boolean unstorable(String email) {
        return email.isEmpty() || !email.strip().equals(email) || email.length() > MAX_KEY;
    }

    private static DirectoryUser shown(User user) {
        return new DirectoryUser(user.userId(), user.connection(), user.email(), user.emailVerified(),
                user.username(), user.profile(), user.createdAt(), user.updatedAt());
    }
}
