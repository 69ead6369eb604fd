package io.cluman.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A key-value store with etcd v3 semantics.
 *
 * <ul>
 *   <li>Every mutation increments one global {@linkplain #revision() revision}; a key remembers the
 *       revision that created it ({@code createRevision}) and last modified it ({@code modRevision}).
 *   <li>{@link #txn(Txn)} compares revisions and then applies its operations atomically.
 *   <li>{@link #watch(String, long, WatchListener)} delivers every change under a prefix from a given
 *       revision on, in revision order, each with the previous value.
 *   <li>Leases expire after their TTL unless kept alive; expiry deletes the keys attached.
 * </ul>
 *
 * <p>A method that returns has made its change durable (acknowledged). Implementations are
 * thread-safe. Failures are {@link StoreException}s.
 */
public interface KvStore extends AutoCloseable {

    /** The value of one key, or empty. */
    Optional<KeyValue> get(String key);

    /** Every key starting with {@code prefix}, in key order, with the revision the read saw. */
    RangeResult range(String prefix);

    /** Puts a value (no lease) and returns the new revision. */
    default long put(String key, byte[] value) {
        return txn(Txn.always(List.of(Op.put(key, value)))).revision();
    }

    /** Deletes a key and returns whether it existed. */
    default boolean delete(String key) {
        TxnResult result = txn(Txn.when(List.of(Compare.exists(key)), List.of(Op.delete(key)), List.of()));
        return result.succeeded();
    }

    /**
     * Runs a transaction: if every compare holds, the success ops are applied, else the failure ops.
     * A transaction that writes something takes exactly one new revision; one that writes nothing
     * (including deletes of missing keys only) leaves the revision unchanged.
     *
     * @throws StoreException.NotFound when a put names a lease that does not exist
     */
    TxnResult txn(Txn txn);

    /**
     * Watches every key under {@code prefix}, from {@code fromRevision} (inclusive) on. Events of one
     * revision arrive in one batch; batches arrive in revision order on one thread at a time.
     * A {@code fromRevision} of 0 or less means "from now": every change after the current revision.
     *
     * @throws StoreException.Compacted when {@code fromRevision} is older than the history kept (a
     *     store that watches for this reads the current state with {@link #range} and watches again
     *     from the range's revision + 1)
     */
    Watch watch(String prefix, long fromRevision, WatchListener listener);

    /** Grants a lease that expires after {@code ttl} unless kept alive; returns its id. */
    long grantLease(Duration ttl);

    /** Refreshes a lease to its full TTL. @throws StoreException.NotFound when it expired or never was */
    void keepAlive(long leaseId);

    /** Revokes a lease now, deleting its keys. Revoking an unknown lease does nothing. */
    void revokeLease(long leaseId);

    /** The current global revision. */
    long revision();

    /** The backend's name: {@code embedded} or {@code etcd}. */
    String kind();

    @Override
    void close();
}
