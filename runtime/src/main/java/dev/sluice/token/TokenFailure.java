package dev.sluice.token;

/** Why a bearer token was refused. All of them mean 401 to a client; the kind is for logs and tests. */
public enum TokenFailure {
    /** Not a compact JWS, unparseable JSON, or a required claim missing or of the wrong type. */
    MALFORMED,
    /** Unsigned, not RS256, an unknown or retired-and-dropped {@code kid}, or a signature that does not verify. */
    BAD_SIGNATURE,
    /** {@code iss} is not the configured issuer. */
    WRONG_ISSUER,
    /** {@code aud} does not contain the expected audience. */
    WRONG_AUDIENCE,
    /** {@code exp} is past (beyond the leeway). */
    EXPIRED,
    /** {@code nbf} or {@code iat} is in the future (beyond the leeway). */
    NOT_YET_VALID
}
