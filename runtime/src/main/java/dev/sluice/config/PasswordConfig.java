package dev.sluice.config;

/**
 * How Sluice hashes the passwords it stores.
 *
 * @param bcryptCost the bcrypt cost (log2 of the rounds), 4–16; each step doubles the time of a hash
 */
public record PasswordConfig(int bcryptCost) {

    /** Default cost: about 60 ms per hash on one core of the reference machine. */
    public static final int DEFAULT_BCRYPT_COST = 10;
    /** Lowest accepted cost. */
    public static final int MIN_BCRYPT_COST = 4;
    /** Highest accepted cost. */
    public static final int MAX_BCRYPT_COST = 16;

    public PasswordConfig {
        if (bcryptCost < MIN_BCRYPT_COST || bcryptCost > MAX_BCRYPT_COST) {
            throw new IllegalArgumentException("bcrypt cost out of range: " + bcryptCost);
        }
    }
}
