package dev.sluice.migration;

import java.util.Objects;

/** How one login attempt through {@link LoginFlow} ended. */
public sealed interface LoginResult {

    /** The credentials were right; {@code profile} is the user that logged in. */
    record LoggedIn(LoginProfile profile) implements LoginResult {
        public LoggedIn {
            Objects.requireNonNull(profile, "profile");
        }
    }

    /** Unknown user or wrong password (the two are not told apart). Nothing was created. */
    record WrongCredentials() implements LoginResult {
    }

    /** The login script refused the user with {@code UnauthorizedError}; {@code message} is meant for the end user. */
    record Unauthorized(String message) implements LoginResult {
        public Unauthorized {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The login could not be decided (script failure, limit, busy runtime, unusable profile). Nothing was created.
     *
     * @param reason the named kind of failure
     * @param detail what happened, for the operator's log (never a password)
     */
    record Failed(FailureReason reason, String detail) implements LoginResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The named kinds of {@link Failed}. */
    enum FailureReason {
        /** The connection has scripts enabled but no {@code login} script. */
        NO_LOGIN_SCRIPT,
        /** The script called back with an error, threw, or did not load: usually the legacy store is down. */
        SCRIPT_FAILED,
        /** The script breached a sandbox limit (time, memory, ...). */
        SCRIPT_LIMIT,
        /** The script runtime had no room for another execution. */
        RUNTIME_BUSY,
        /** The script returned something that cannot become a user (no user_id, bad email, taken email). */
        INVALID_PROFILE
    }
}
