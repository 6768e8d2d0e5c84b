package dev.sluice.token;

import java.util.Objects;

/** The outcome of checking a bearer token: {@link Valid} with its claims, or {@link Invalid} with the reason. */
public sealed interface Verification {

    /** A token whose signature, issuer, audience and times all check out. */
    record Valid(VerifiedToken token) implements Verification {
        public Valid {
            Objects.requireNonNull(token, "token");
        }
    }

    /**
     * A refused token.
     *
     * @param failure the kind of failure
     * @param detail a short explanation for logs; never contains the token
     */
    record Invalid(TokenFailure failure, String detail) implements Verification {
        public Invalid {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
