package dev.sluice.migration;

import java.util.Objects;

/** How one signup through {@link SignupFlow} ended. Only {@link SignedUp} created (or cached) a user. */
public sealed interface SignupResult {

    /**
     * The user exists now.
     *
     * @param userId the new user's id, without {@code auth0|}
     * @param email  the email as stored (lower case)
     */
    record SignedUp(String userId, String email) implements SignupResult {
        public SignedUp {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(email, "email");
        }
    }

    /** The email or username is taken, in the own store or in the legacy store. Nothing was created. */
    record UserExists() implements SignupResult {
    }

    /** The password does not satisfy the connection's password policy; {@code policy} names it. */
    record WeakPassword(String policy) implements SignupResult {
        public WeakPassword {
            Objects.requireNonNull(policy, "policy");
        }
    }

    /** The connection has {@code disable_signup: true}. */
    record SignupDisabled() implements SignupResult {
    }

    /** The request cannot become a user of this connection ({@code message} is meant for the client). */
    record Invalid(String message) implements SignupResult {
        public Invalid {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The signup could not be decided (a script failed, hit a limit, the runtime was busy, a script is missing, the
     * login after {@code create} did not succeed). Nothing was created in the own store.
     *
     * @param reason the named kind of failure
     * @param detail what happened, for the operator's log (never a password)
     */
    record Failed(FailureReason reason, String detail) implements SignupResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The named kinds of {@link Failed}. */
    enum FailureReason {
        /** Scripts are enabled but a script the signup needs ({@code get_user}, {@code create}) is missing. */
        NO_SCRIPT,
        /** A script called back with an error, threw, or did not load: usually the legacy store is down. */
        SCRIPT_FAILED,
        /** A script breached a sandbox limit (time, memory, ...). */
        SCRIPT_LIMIT,
        /** The script runtime had no room for another execution. */
        RUNTIME_BUSY,
        /** A script returned something unusable ({@code get_user} a non-object, a login profile without id). */
        INVALID_PROFILE,
        /** Legacy mode: {@code create} succeeded but the {@code login} that follows did not accept the user. */
        LOGIN_AFTER_CREATE_FAILED
    }
}
