package dev.sluice.migration;

import java.util.Locale;
import java.util.Optional;

/**
 * The connection option {@code passwordPolicy} as the platform names its levels (docs/migration.md):
 * {@code none} (at least 1 character), {@code low} (6), {@code fair} (8, lower case, upper case and digits),
 * {@code good} (8, three of lower case, upper case, digits, special characters), {@code excellent} (10, three of the
 * four, no character more than twice in a row). Without the option (or with a value it does not know) the minimum is
 * 8 characters of any kind. Lengths count code points.
 */
enum PasswordPolicy {
    NONE("none", 1, 0, false),
    LOW("low", 6, 0, false),
    FAIR("fair", 8, -1, false),
    GOOD("good", 8, 3, false),
    EXCELLENT("excellent", 10, 3, true),
    DEFAULT("default", 8, 0, false);

    private final String code;
    private final int minLength;
    private final int classes;
    private final boolean noTriples;

    /** {@code classes}: how many character classes are needed; -1 means lower, upper and digit all three. */
    PasswordPolicy(String code, int minLength, int classes, boolean noTriples) {
        this.code = code;
        this.minLength = minLength;
        this.classes = classes;
        this.noTriples = noTriples;
    }

    /** The policy named by the option value; {@link #DEFAULT} when absent or unknown. */
    static PasswordPolicy of(Optional<String> option) {
        String name = option.map(o -> o.toLowerCase(Locale.ROOT)).orElse("");
        for (PasswordPolicy policy : values()) {
            if (policy != DEFAULT && policy.code.equals(name)) {
                return policy;
            }
        }
        return DEFAULT;
    }

    /** The name reported with a refusal. */
    String code() {
        return code;
    }

    /** Whether {@code password} satisfies this policy. */
    boolean accepts(String password) {
        if (password.codePointCount(0, password.length()) < minLength) {
            return false;
        }
        boolean lower = password.codePoints().anyMatch(Character::isLowerCase);
        boolean upper = password.codePoints().anyMatch(Character::isUpperCase);
        boolean digit = password.codePoints().anyMatch(Character::isDigit);
        boolean special = password.codePoints().anyMatch(c -> !Character.isLetterOrDigit(c));
        if (classes < 0 && !(lower && upper && digit)) {
            return false;
        }
        int present = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (special ? 1 : 0);
        if (classes > 0 && present < classes) {
            return false;
        }
        return !noTriples || !hasTriple(password);
    }

    private static boolean hasTriple(String password) {
        int[] points = password.codePoints().toArray();
        for (int i = 2; i < points.length; i++) {
            if (points[i] == points[i - 1] && points[i] == points[i - 2]) {
                return true;
            }
        }
        return false;
    }
}
