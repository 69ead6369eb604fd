package io.cluman.store.embedded;

import io.cluman.store.Op;
import java.util.List;

/**
 * One committed change as the log stores it. Applying the same records in the same order to an empty
 * {@link Keyspace} always gives the same state, so the log holds intents (the ops a transaction chose),
 * not derived data such as versions.
 */
sealed interface LogRecord {

    /** The chosen ops of a transaction that wrote something, committed as {@code revision}. */
    record Write(long revision, List<Op> ops) implements LogRecord {
        public Write {
            ops = List.copyOf(ops);
        }
    }

    /** A lease was granted. Grants take no revision, as in etcd. */
    record GrantLease(long leaseId, long ttlMillis) implements LogRecord {
    }

    /**
     * A lease was revoked or expired; its keys are deleted as {@code revision}, which equals the previous
     * revision when the lease had no keys.
     */
    record RevokeLease(long leaseId, long revision) implements LogRecord {
    }
}
