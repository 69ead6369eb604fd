package io.cluman.store;

import java.util.Objects;

/** One write of a {@link Txn}. */
public sealed interface Op {
    String key();

    /** Puts a value, attached to a lease when {@code lease} is not 0. */
    record Put(String key, byte[] value, long lease) implements Op {
        public Put {
            Objects.requireNonNull(key, "key");
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }
    }

    /** Deletes one key; deleting a missing key is not an error. */
    record Delete(String key) implements Op {
        public Delete {
            Objects.requireNonNull(key, "key");
        }
    }

    static Op put(String key, byte[] value) {
        return new Put(key, value, 0);
    }

    static Op put(String key, byte[] value, long lease) {
        return new Put(key, value, lease);
    }

    static Op delete(String key) {
        return new Delete(key);
    }
}
