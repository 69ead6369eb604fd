package io.cluman.store.etcd;

import static io.cluman.store.etcd.EtcdMapping.bytes;

import io.cluman.store.KeyValue;
import io.cluman.store.KvStore;
import io.cluman.store.RangeResult;
import io.cluman.store.StoreException;
import io.cluman.store.Txn;
import io.cluman.store.TxnResult;
import io.cluman.store.WatchListener;
import io.cluman.store.watch.WatchDelivery;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.Lease;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.lease.LeaseKeepAliveResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.OptionsUtil;
import io.etcd.jetcd.options.WatchOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A {@link KvStore} over an etcd v3 cluster, through jetcd. Keys are UTF-8; revisions, versions, leases
 * and watch history are etcd's own.
 *
 * <p>Every call waits at most the configured timeout (10 s by default) and then fails with
 * {@link StoreException.Unavailable}; whether a write then happened is unknown, as the SPI says.
 * Watches start at an explicit revision (from now: the current revision + 1) so no change between the
 * call and the server's registration is lost; their events go through a {@link WatchDelivery}.
 *
 * <p>Thread-safe: jetcd's client is, and the only state here is the set of open watches.
 */
public final class EtcdKvStore implements KvStore {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_QUEUED_WATCH_EVENTS = 100_000;
    private static final int RANGE_PAGE = 1000;
    private static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

    private final List<String> endpoints;
    private final Duration timeout;
    private final Client client;
    private final KV kv;
    private final Lease leases;
    private final Watch watches;
    private final Set<WatchDelivery> openWatches = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A store over the etcd members at {@code endpoints} ({@code http://host:port}), with 10 s timeouts. */
    public EtcdKvStore(List<String> endpoints) {
        this(endpoints, DEFAULT_TIMEOUT);
    }

    public EtcdKvStore(List<String> endpoints, Duration timeout) {
        this.endpoints = List.copyOf(endpoints);
        if (this.endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one etcd endpoint is needed");
        }
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = Client.builder().endpoints(this.endpoints.toArray(String[]::new))
                .connectTimeout(timeout).maxInboundMessageSize(MAX_RESPONSE_BYTES).build();
        this.kv = client.getKVClient();
        this.leases = client.getLeaseClient();
        this.watches = client.getWatchClient();
    }

    @Override
    public Optional<KeyValue> get(String key) {
        GetResponse response = call(() -> kv.get(bytes(key)), "get " + key);
        return response.getKvs().stream().findFirst().map(EtcdMapping::keyValue);
    }

    /**
     * Reads the range in pages of {@value #RANGE_PAGE} keys, all at the revision of the first page, so a
     * large range is one consistent snapshot without one huge response. If etcd compacts that revision
     * between pages, the read starts over.
     */
    @Override
    public RangeResult range(String prefix) {
        for (int attempt = 1; ; attempt++) {
            try {
                return rangeInPages(prefix);
            } catch (StoreException.Compacted e) {
                if (attempt == 3) {
                    throw new StoreException.Unavailable("range " + prefix + " kept losing its revision to compaction", e);
                }
            }
        }
    }

    private RangeResult rangeInPages(String prefix) {
        ByteSequence end = prefix.isEmpty() ? EtcdMapping.ZERO_BYTE : OptionsUtil.prefixEndOf(bytes(prefix));
        ByteSequence start = rangeStart(prefix);
        List<KeyValue> kvs = new ArrayList<>();
        long revision = 0;
        while (true) {
            GetOption page = GetOption.builder().withRange(end).withLimit(RANGE_PAGE).withRevision(revision)
                    .withSortField(GetOption.SortTarget.KEY).withSortOrder(GetOption.SortOrder.ASCEND).build();
            ByteSequence from = start;
            GetResponse response = call(() -> kv.get(from, page), "range " + prefix);
            revision = revision == 0 ? response.getHeader().getRevision() : revision;
            response.getKvs().forEach(kv -> kvs.add(EtcdMapping.keyValue(kv)));
            if (!response.isMore() || response.getKvs().isEmpty()) {
                return new RangeResult(kvs, revision);
            }
            start = response.getKvs().getLast().getKey().concat(EtcdMapping.ZERO_BYTE);
        }
    }

    @Override
    public long revision() {
        GetOption countOnly = GetOption.builder().withCountOnly(true).build();
        return call(() -> kv.get(EtcdMapping.ZERO_BYTE, countOnly), "revision").getHeader().getRevision();
    }

    @Override
    public TxnResult txn(Txn txn) {
        TxnResponse response = call(() -> kv.txn()
                .If(txn.compares().stream().map(EtcdMapping::cmp).toArray(Cmp[]::new))
                .Then(txn.success().stream().map(EtcdMapping::op).toArray(io.etcd.jetcd.op.Op[]::new))
                .Else(txn.failure().stream().map(EtcdMapping::op).toArray(io.etcd.jetcd.op.Op[]::new))
                .commit(), "txn");
        return new TxnResult(response.isSucceeded(), response.getHeader().getRevision());
    }

    @Override
    public io.cluman.store.Watch watch(String prefix, long fromRevision, WatchListener listener) {
        Objects.requireNonNull(listener, "listener");
        ensureOpen();
        long from = fromRevision <= 0 ? revision() + 1 : requireWatchable(prefix, fromRevision);
        AtomicReference<Watch.Watcher> watcher = new AtomicReference<>();
        WatchDelivery[] self = new WatchDelivery[1];
        WatchDelivery delivery = new WatchDelivery(prefix + "@" + from, listener, MAX_QUEUED_WATCH_EVENTS,
                () -> new StoreException.Unavailable("the watch of " + prefix + " fell more than "
                        + MAX_QUEUED_WATCH_EVENTS + " events behind; re-read and watch again", null),
                () -> {
                    openWatches.remove(self[0]);
                    Optional.ofNullable(watcher.get()).ifPresent(Watch.Watcher::close);
                });
        self[0] = delivery;
        openWatches.add(delivery);
        WatchOption option = rangeOf(WatchOption.builder(), prefix).withRevision(from).withPrevKV(true).build();
        watcher.set(watches.watch(rangeStart(prefix), option, Watch.listener(
                response -> EtcdMapping.batchesByRevision(response.getEvents()).forEach(delivery::offer),
                error -> delivery.fail(asStoreFailure(error, "watch " + prefix)),
                () -> delivery.fail(new StoreException.Unavailable("etcd ended the watch of " + prefix, null)))));
        if (delivery.ended()) {
            watcher.get().close(); // closed or failed before the watcher existed
        }
        delivery.start();
        return delivery;
    }

    /**
     * Returns {@code fromRevision} if etcd still has it; otherwise throws Compacted with the oldest
     * revision it keeps (learnt from a short-lived watch, since reads do not report it).
     */
    private long requireWatchable(String prefix, long fromRevision) {
        GetOption atRevision = GetOption.builder().withCountOnly(true).withRevision(fromRevision).build();
        try {
            await(kv.get(rangeStart(prefix), atRevision));
            return fromRevision;
        } catch (ExecutionException e) {
            if (EtcdMapping.isCompaction(e)) {
                throw new StoreException.Compacted("revision " + fromRevision + " of " + prefix
                        + " is compacted in etcd", compactRevision(prefix, fromRevision));
            }
            if (EtcdMapping.isFutureRevision(e)) {
                return fromRevision; // a future revision: etcd watches those
            }
            throw EtcdMapping.failure(e, "watch " + prefix);
        }
    }

    private long compactRevision(String prefix, long fromRevision) {
        CompletableFuture<Long> compacted = new CompletableFuture<>();
        try (Watch.Watcher probe = watches.watch(rangeStart(prefix),
                WatchOption.builder().withRevision(fromRevision).build(),
                Watch.listener(response -> { }, error -> compacted.complete(EtcdMapping.compactRevision(error))))) {
            return await(compacted);
        } catch (ExecutionException e) {
            return 0;
        }
    }

    @Override
    public long grantLease(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("lease TTL must be positive: " + ttl);
        }
        long seconds = Math.max(1, (ttl.toMillis() + 999) / 1000);
        return call(() -> leases.grant(seconds), "grant lease").getID();
    }

    @Override
    public void keepAlive(long leaseId) {
        LeaseKeepAliveResponse response = call(() -> leases.keepAliveOnce(leaseId), "keep lease " + leaseId + " alive");
        if (response.getTTL() <= 0) {
            throw new StoreException.NotFound("lease " + leaseId + " not found");
        }
    }

    @Override
    public void revokeLease(long leaseId) {
        try {
            call(() -> leases.revoke(leaseId), "revoke lease " + leaseId);
        } catch (StoreException.NotFound e) {
            // revoking an unknown lease does nothing, as the SPI says
        }
    }

    @Override
    public String kind() {
        return "etcd";
    }

    /** Ends every open watch with Unavailable and closes the client. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (WatchDelivery delivery : List.copyOf(openWatches)) {
            delivery.fail(new StoreException.Unavailable("the store is closed", null));
        }
        client.close();
    }

    @Override
    public String toString() {
        return "EtcdKvStore" + endpoints;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new StoreException.Unavailable("the store " + this + " is closed", null);
        }
    }

    /** The first key of a prefix range: etcd refuses an empty key, so "" becomes the zero byte. */
    private static ByteSequence rangeStart(String prefix) {
        return prefix.isEmpty() ? EtcdMapping.ZERO_BYTE : bytes(prefix);
    }

    private static WatchOption.Builder rangeOf(WatchOption.Builder option, String prefix) {
        return prefix.isEmpty() ? option.withRange(EtcdMapping.ZERO_BYTE) : option.isPrefix(true);
    }

    private static StoreException asStoreFailure(Throwable error, String what) {
        return EtcdMapping.failure(error, what) instanceof StoreException storeException
                ? storeException
                : new StoreException.Unavailable(what + " failed: " + error.getMessage(), error);
    }

    /** Starts a jetcd call (unless the store is closed), waits for it within the timeout, maps its failure. */
    private <T> T call(Supplier<CompletableFuture<T>> request, String what) {
        ensureOpen();
        try {
            return await(request.get());
        } catch (ExecutionException e) {
            throw EtcdMapping.failure(e, what);
        }
    }

    private <T> T await(CompletableFuture<T> future) throws ExecutionException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new StoreException.Unavailable("etcd at " + endpoints + " did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new StoreException.Unavailable("interrupted while waiting for etcd", e);
        }
    }
}
