package io.cluman.store;

/** The one unchecked failure family of the store; each subtype names what went wrong. */
public sealed class StoreException extends RuntimeException {
    protected StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A key or lease that does not exist. */
    public static final class NotFound extends StoreException {
        public NotFound(String message) {
            super(message, null);
        }
    }

    /** A compare-and-swap lost: someone else wrote first. Safe to re-read and retry. */
    public static final class Conflict extends StoreException {
        public Conflict(String message) {
            super(message, null);
        }
    }

    /** The backend cannot be reached or failed; whether the write happened is unknown. */
    public static final class Unavailable extends StoreException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A watch asked for a revision older than the history the store keeps. */
    public static final class Compacted extends StoreException {
        private final long compactRevision;

        public Compacted(String message, long compactRevision) {
            super(message, null);
            this.compactRevision = compactRevision;
        }

        /** The oldest revision still watchable, or 0 when the backend did not say. */
        public long compactRevision() {
            return compactRevision;
        }
    }
}
