package io.cluman.store;

import java.util.Optional;

/** One change seen by a watch. */
public sealed interface WatchEvent {
    /** The revision of the change. */
    long revision();

    String key();

    /** A key was put; {@code previous} is its value before, empty when it was created. */
    record Put(KeyValue kv, Optional<KeyValue> previous) implements WatchEvent {
        @Override
        public long revision() {
            return kv.modRevision();
        }

        @Override
        public String key() {
            return kv.key();
        }
    }

    /** A key was deleted (or its lease expired); {@code previous} is its last value. */
    record Delete(String key, long revision, Optional<KeyValue> previous) implements WatchEvent {
    }
}
