package io.cluman.store.etcd;

import io.cluman.store.Compare;
import io.cluman.store.KeyValue;
import io.cluman.store.Op;
import io.cluman.store.StoreException;
import io.cluman.store.WatchEvent;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.common.exception.EtcdException;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.PutOption;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Conversions between the store SPI and jetcd: keys as UTF-8, compares, ops, key-values, watch events
 * and errors. Stateless.
 */
final class EtcdMapping {
    /** etcd reads "from this key to the end" when the range end is a single zero byte. */
    static final ByteSequence ZERO_BYTE = ByteSequence.from(new byte[] {0});

    private EtcdMapping() {
    }

    static ByteSequence bytes(String key) {
        return ByteSequence.from(key, StandardCharsets.UTF_8);
    }

    static KeyValue keyValue(io.etcd.jetcd.KeyValue kv) {
        return new KeyValue(kv.getKey().toString(StandardCharsets.UTF_8), kv.getValue().getBytes(),
                kv.getCreateRevision(), kv.getModRevision(), kv.getVersion(), kv.getLease());
    }

    static Cmp cmp(Compare compare) {
        ByteSequence key = bytes(compare.key());
        return switch (compare.target()) {
            case MOD_REVISION -> new Cmp(key, Cmp.Op.EQUAL, CmpTarget.modRevision(compare.value()));
            case CREATE_REVISION -> compare.value() == -1
                    ? new Cmp(key, Cmp.Op.GREATER, CmpTarget.createRevision(0))
                    : new Cmp(key, Cmp.Op.EQUAL, CmpTarget.createRevision(compare.value()));
        };
    }

    static io.etcd.jetcd.op.Op op(Op op) {
        return switch (op) {
            case Op.Put put -> io.etcd.jetcd.op.Op.put(bytes(put.key()), ByteSequence.from(put.value()),
                    put.lease() == 0 ? PutOption.DEFAULT : PutOption.builder().withLeaseId(put.lease()).build());
            case Op.Delete delete -> io.etcd.jetcd.op.Op.delete(bytes(delete.key()), DeleteOption.DEFAULT);
        };
    }

    /** Splits the events of one watch response into one batch per revision, in order. */
    static List<List<WatchEvent>> batchesByRevision(List<io.etcd.jetcd.watch.WatchEvent> events) {
        List<List<WatchEvent>> batches = new ArrayList<>();
        List<WatchEvent> current = new ArrayList<>();
        for (io.etcd.jetcd.watch.WatchEvent event : events) {
            Optional<WatchEvent> converted = watchEvent(event);
            if (converted.isEmpty()) {
                continue;
            }
            if (!current.isEmpty() && current.getLast().revision() != converted.get().revision()) {
                batches.add(current);
                current = new ArrayList<>();
            }
            current.add(converted.get());
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private static Optional<WatchEvent> watchEvent(io.etcd.jetcd.watch.WatchEvent event) {
        Optional<KeyValue> previous = event.getPrevKV() == null || event.getPrevKV().getKey().isEmpty()
                ? Optional.empty()
                : Optional.of(keyValue(event.getPrevKV()));
        KeyValue kv = keyValue(event.getKeyValue());
        return switch (event.getEventType()) {
            case PUT -> Optional.of(new WatchEvent.Put(kv, previous));
            case DELETE -> Optional.of(new WatchEvent.Delete(kv.key(), kv.modRevision(), previous));
            case UNRECOGNIZED -> Optional.empty();
        };
    }

    /**
     * The exception for a failed jetcd call: a {@link StoreException}, or an {@link IllegalArgumentException}
     * when etcd refused the request as malformed. {@code what} names the call for the message.
     */
    static RuntimeException failure(Throwable error, String what) {
        Throwable cause = unwrap(error);
        if (cause instanceof StoreException storeException) {
            return storeException;
        }
        if (cause instanceof CompactedException compacted) {
            return new StoreException.Compacted(what + ": revision compacted in etcd; oldest watchable is "
                    + compacted.getCompactedRevision(), compacted.getCompactedRevision());
        }
        String message = what + ": " + cause.getMessage();
        if (isCompaction(cause)) {
            return new StoreException.Compacted(message, 0);
        }
        return switch (codeOf(cause)) {
            case NOT_FOUND -> new StoreException.NotFound(message);
            case INVALID_ARGUMENT -> new IllegalArgumentException(message, cause);
            default -> new StoreException.Unavailable(what + " failed: " + cause.getMessage(), cause);
        };
    }

    /** Whether a read at an old revision failed because etcd compacted it. */
    static boolean isCompaction(Throwable error) {
        return isOutOfRange(error, "compacted");
    }

    /** Whether a read failed because it asked for a revision etcd has not reached yet. */
    static boolean isFutureRevision(Throwable error) {
        return isOutOfRange(error, "future");
    }

    private static boolean isOutOfRange(Throwable error, String reason) {
        Throwable cause = unwrap(error);
        return codeOf(cause) == Status.Code.OUT_OF_RANGE && String.valueOf(cause.getMessage()).contains(reason);
    }

    /** The compact revision a watch error reports, or 0 when it is not a compaction. */
    static long compactRevision(Throwable error) {
        return unwrap(error) instanceof CompactedException compacted ? compacted.getCompactedRevision() : 0;
    }

    /** The gRPC code of a failure, whether jetcd wrapped it in an EtcdException or passed gRPC's own. */
    private static Status.Code codeOf(Throwable cause) {
        if (cause instanceof EtcdException etcd) {
            try {
                return Status.Code.valueOf(etcd.getErrorCode().name());
            } catch (IllegalArgumentException e) {
                return Status.Code.UNKNOWN;
            }
        }
        return Status.fromThrowable(cause).getCode();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
