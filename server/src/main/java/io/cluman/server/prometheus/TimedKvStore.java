package io.cluman.server.prometheus;

import io.cluman.store.KeyValue;
import io.cluman.store.KvStore;
import io.cluman.store.RangeResult;
import io.cluman.store.Txn;
import io.cluman.store.TxnResult;
import io.cluman.store.Watch;
import io.cluman.store.WatchListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@link KvStore} that times every call to the store it wraps, as {@code cluman_store_operation_seconds}
 * with the label {@code op} (get, range, put, delete, txn, watch, lease, revision). Failures are timed too.
 * A watch is timed while it is set up, not while it delivers. Thread-safe as the wrapped store is.
 */
public final class TimedKvStore implements KvStore {
    private final KvStore store;
    private final Timer get;
    private final Timer range;
    private final Timer put;
    private final Timer delete;
    private final Timer txn;
    private final Timer watch;
    private final Timer lease;
    private final Timer revision;

    public TimedKvStore(KvStore store, MeterRegistry registry) {
        this.store = store;
        this.get = timer(registry, "get");
        this.range = timer(registry, "range");
        this.put = timer(registry, "put");
        this.delete = timer(registry, "delete");
        this.txn = timer(registry, "txn");
        this.watch = timer(registry, "watch");
        this.lease = timer(registry, "lease");
        this.revision = timer(registry, "revision");
    }

    private Timer timer(MeterRegistry registry, String op) {
        return ServerMeters.latency("cluman.store.operation", "time of one call to the " + store.kind() + " store")
                .tag("op", op).register(registry);
    }

    @Override
    public Optional<KeyValue> get(String key) {
        return get.record(() -> store.get(key));
    }

    @Override
    public RangeResult range(String prefix) {
        return range.record(() -> store.range(prefix));
    }

    @Override
    public long put(String key, byte[] value) {
        return put.record(() -> store.put(key, value));
    }

    @Override
    public boolean delete(String key) {
        return delete.record(() -> store.delete(key));
    }

    @Override
    public TxnResult txn(Txn transaction) {
        return txn.record(() -> store.txn(transaction));
    }

    @Override
    public Watch watch(String prefix, long fromRevision, WatchListener listener) {
        return watch.record(() -> store.watch(prefix, fromRevision, listener));
    }

    @Override
    public long grantLease(Duration ttl) {
        return lease.record(() -> store.grantLease(ttl));
    }

    @Override
    public void keepAlive(long leaseId) {
        lease.record(() -> store.keepAlive(leaseId));
    }

    @Override
    public void revokeLease(long leaseId) {
        lease.record(() -> store.revokeLease(leaseId));
    }

    @Override
    public long revision() {
        return revision.record(store::revision);
    }

    @Override
    public String kind() {
        return store.kind();
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public String toString() {
        return store.toString();
    }
}
