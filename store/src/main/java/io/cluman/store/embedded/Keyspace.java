package io.cluman.store.embedded;

import io.cluman.store.Compare;
import io.cluman.store.KeyValue;
import io.cluman.store.Op;
import io.cluman.store.StoreException;
import io.cluman.store.Txn;
import io.cluman.store.WatchEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state of the embedded store: keys with etcd's revision bookkeeping, and leases with their keys.
 * Pure: no I/O, no clock, no threads. Lease deadlines are not part of it (they are runtime state).
 *
 * <p>Every change goes through {@link #apply(LogRecord)}, both live and when replaying the log, so a
 * replay rebuilds exactly the state that was acknowledged. {@code plan...} methods decide what to log
 * without changing anything.
 *
 * <p>Not thread-safe: the owner guards it with a read-write lock.
 */
final class Keyspace {

    /** What a transaction decided: whether its compares held and the write to log, if any. */
    record Plan(boolean succeeded, Optional<LogRecord> record) {
    }

    private final NavigableMap<String, KeyValue> kvs;
    private final Map<Long, Lease> leases;
    private long revision;
    private long nextLeaseId;

    /** A granted lease: its TTL and the keys attached to it (sorted, for a stable delete order). */
    record Lease(long id, long ttlMillis, TreeSet<String> keys) {
        Lease copy() {
            return new Lease(id, ttlMillis, new TreeSet<>(keys));
        }
    }

    Keyspace() {
        this(new TreeMap<>(), new HashMap<>(), 0, 1);
    }

    private Keyspace(NavigableMap<String, KeyValue> kvs, Map<Long, Lease> leases, long revision, long nextLeaseId) {
        this.kvs = kvs;
        this.leases = leases;
        this.revision = revision;
        this.nextLeaseId = nextLeaseId;
    }

    /** Rebuilds a keyspace from a snapshot; lease key sets are derived from the keys. */
    static Keyspace restore(long revision, long nextLeaseId, Map<Long, Long> leaseTtls, List<KeyValue> kvs) {
        Keyspace keyspace = new Keyspace(new TreeMap<>(), new HashMap<>(), revision, nextLeaseId);
        leaseTtls.forEach((id, ttl) -> keyspace.leases.put(id, new Lease(id, ttl, new TreeSet<>())));
        for (KeyValue kv : kvs) {
            keyspace.kvs.put(kv.key(), kv);
            keyspace.attach(kv.key(), kv.lease());
        }
        return keyspace;
    }

    /** A deep copy, for writing a snapshot while the original keeps changing. */
    Keyspace copy() {
        Map<Long, Lease> leaseCopy = new HashMap<>();
        leases.forEach((id, lease) -> leaseCopy.put(id, lease.copy()));
        return new Keyspace(new TreeMap<>(kvs), leaseCopy, revision, nextLeaseId);
    }

    long revision() {
        return revision;
    }

    long nextLeaseId() {
        return nextLeaseId;
    }

    Optional<KeyValue> get(String key) {
        return Optional.ofNullable(kvs.get(key));
    }

    /** Keys starting with {@code prefix}, in key order. */
    List<KeyValue> range(String prefix) {
        NavigableMap<String, KeyValue> tail = kvs.tailMap(prefix, true);
        List<KeyValue> result = new ArrayList<>();
        for (Map.Entry<String, KeyValue> entry : tail.entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            result.add(entry.getValue());
        }
        return result;
    }

    /** Every key, in key order (for snapshots). */
    Iterable<KeyValue> allKeys() {
        return kvs.values();
    }

    int keyCount() {
        return kvs.size();
    }

    /** Lease id to TTL in milliseconds. */
    Map<Long, Long> leaseTtls() {
        Map<Long, Long> ttls = new HashMap<>();
        leases.forEach((id, lease) -> ttls.put(id, lease.ttlMillis()));
        return ttls;
    }

    Optional<Long> leaseTtlMillis(long leaseId) {
        return Optional.ofNullable(leases.get(leaseId)).map(Lease::ttlMillis);
    }

    /**
     * Decides a transaction: evaluates the compares and keeps the ops of the chosen branch that change
     * something (a delete of a missing key changes nothing).
     *
     * @throws StoreException.NotFound when a chosen put names an unknown lease
     */
    Plan planTxn(Txn txn) {
        boolean succeeded = txn.compares().stream().allMatch(this::holds);
        List<Op> effective = new ArrayList<>();
        for (Op op : succeeded ? txn.success() : txn.failure()) {
            switch (op) {
                case Op.Put put -> {
                    if (put.lease() != 0 && !leases.containsKey(put.lease())) {
                        throw new StoreException.NotFound("lease " + put.lease() + " not found");
                    }
                    effective.add(put);
                }
                case Op.Delete delete -> {
                    if (kvs.containsKey(delete.key())) {
                        effective.add(delete);
                    }
                }
            }
        }
        Optional<LogRecord> record = effective.isEmpty()
                ? Optional.empty()
                : Optional.of(new LogRecord.Write(revision + 1, effective));
        return new Plan(succeeded, record);
    }

    /** The grant of a new lease. */
    LogRecord.GrantLease planGrant(long ttlMillis) {
        return new LogRecord.GrantLease(nextLeaseId, ttlMillis);
    }

    /** The revocation of a lease, or empty when it does not exist. */
    Optional<LogRecord> planRevoke(long leaseId) {
        Lease lease = leases.get(leaseId);
        if (lease == null) {
            return Optional.empty();
        }
        long deleteRevision = lease.keys().isEmpty() ? revision : revision + 1;
        return Optional.of(new LogRecord.RevokeLease(leaseId, deleteRevision));
    }

    private boolean holds(Compare compare) {
        KeyValue kv = kvs.get(compare.key());
        return kv == null ? compare.holds(0, 0) : compare.holds(kv.createRevision(), kv.modRevision());
    }

    /**
     * Applies one record and returns the changes it made, in op order, all of one revision.
     *
     * @throws IllegalStateException when the record does not follow the current state (a corrupt log)
     */
    List<WatchEvent> apply(LogRecord record) {
        return switch (record) {
            case LogRecord.Write write -> applyWrite(write);
            case LogRecord.GrantLease grant -> {
                leases.put(grant.leaseId(), new Lease(grant.leaseId(), grant.ttlMillis(), new TreeSet<>()));
                nextLeaseId = Math.max(nextLeaseId, grant.leaseId() + 1);
                yield List.of();
            }
            case LogRecord.RevokeLease revoke -> applyRevoke(revoke);
        };
    }

    private List<WatchEvent> applyWrite(LogRecord.Write write) {
        requireNextRevision(write.revision());
        List<WatchEvent> events = new ArrayList<>(write.ops().size());
        for (Op op : write.ops()) {
            events.add(switch (op) {
                case Op.Put put -> put(put, write.revision());
                case Op.Delete delete -> remove(delete.key(), write.revision());
            });
        }
        revision = write.revision();
        return events;
    }

    private List<WatchEvent> applyRevoke(LogRecord.RevokeLease revoke) {
        Lease lease = leases.remove(revoke.leaseId());
        if (lease == null) {
            throw new IllegalStateException("revoke of unknown lease " + revoke.leaseId());
        }
        if (lease.keys().isEmpty()) {
            return List.of();
        }
        requireNextRevision(revoke.revision());
        List<WatchEvent> events = new ArrayList<>(lease.keys().size());
        for (String key : List.copyOf(lease.keys())) {
            events.add(remove(key, revoke.revision()));
        }
        revision = revoke.revision();
        return events;
    }

    private WatchEvent put(Op.Put put, long at) {
        if (put.lease() != 0 && !leases.containsKey(put.lease())) {
            throw new IllegalStateException("put of " + put.key() + " names unknown lease " + put.lease());
        }
        KeyValue previous = kvs.get(put.key());
        long createRevision = previous == null ? at : previous.createRevision();
        long version = previous == null ? 1 : previous.version() + 1;
        KeyValue kv = new KeyValue(put.key(), put.value(), createRevision, at, version, put.lease());
        kvs.put(put.key(), kv);
        if (previous != null) {
            detach(put.key(), previous.lease());
        }
        attach(put.key(), put.lease());
        return new WatchEvent.Put(kv, Optional.ofNullable(previous));
    }

    private WatchEvent remove(String key, long at) {
        KeyValue previous = kvs.remove(key);
        if (previous == null) {
            throw new IllegalStateException("delete of missing key " + key);
        }
        detach(key, previous.lease());
        return new WatchEvent.Delete(key, at, Optional.of(previous));
    }

    private void attach(String key, long leaseId) {
        if (leaseId != 0) {
            Lease lease = leases.get(leaseId);
            if (lease == null) {
                throw new IllegalStateException("key " + key + " names unknown lease " + leaseId);
            }
            lease.keys().add(key);
        }
    }

    private void detach(String key, long leaseId) {
        Lease lease = leaseId == 0 ? null : leases.get(leaseId);
        if (lease != null) {
            lease.keys().remove(key);
        }
    }

    private void requireNextRevision(long recordRevision) {
        if (recordRevision != revision + 1) {
            throw new IllegalStateException("record of revision " + recordRevision + " after revision " + revision);
        }
    }
}
