package dev.sluice.user;

import java.util.Arrays;

/** How a user came into the own store; stored as its {@link #code()}. */
public enum UserSource {
    /** Migrated lazily by a successful {@code login} script (import mode) or a password reset. */
    IMPORTED("imported"),
    /** Signed up directly into the own store. */
    SIGNED_UP("signed-up"),
    /** Loaded by a bulk import. */
    BULK("bulk"),
    /** A profile cached in legacy mode; the legacy store stays the source of truth and no password is kept. */
    LEGACY_CACHE("legacy-cache");

    private final String code;

    UserSource(String code) {
        this.code = code;
    }

    /** The stored value, e.g. {@code signed-up}. */
    public String code() {
        return code;
    }

    /** Whether users of this source count as migrated from the legacy store (they get {@code migrated_at}). */
    public boolean isMigration() {
        return this == IMPORTED || this == BULK;
    }

    /**
     * The source stored as {@code code}.
     *
     * @throws IllegalArgumentException for an unknown code
     */
    public static UserSource fromCode(String code) {
        return Arrays.stream(values()).filter(source -> source.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown user source: " + code));
    }
}
