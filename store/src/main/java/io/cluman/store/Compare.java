package io.cluman.store;

import java.util.Objects;

/**
 * A condition of a {@link Txn}: the key's mod revision or create revision equals a value.
 * A missing key has both revisions 0, so {@code createRevision(key, 0)} means "absent".
 */
public record Compare(String key, Target target, long value) {
    public enum Target { MOD_REVISION, CREATE_REVISION }

    public Compare {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(target, "target");
    }

    /** Holds when the key was last modified at {@code revision} (0: the key is absent). */
    public static Compare modRevision(String key, long revision) {
        return new Compare(key, Target.MOD_REVISION, revision);
    }

    /** Holds when the key is absent. */
    public static Compare absent(String key) {
        return new Compare(key, Target.CREATE_REVISION, 0);
    }

    /** Holds when the key is present, whatever its value. Expressed as "create revision is not 0". */
    public static Compare exists(String key) {
        return new Compare(key, Target.CREATE_REVISION, -1);
    }

    /** Whether the condition holds for a key with these revisions (0, 0 for a missing key). */
    public boolean holds(long createRevision, long modRevision) {
        return switch (target) {
            case MOD_REVISION -> modRevision == value;
            case CREATE_REVISION -> value == -1 ? createRevision != 0 : createRevision == value;
        };
    }
}
