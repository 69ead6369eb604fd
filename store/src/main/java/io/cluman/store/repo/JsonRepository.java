package io.cluman.store.repo;

import io.cluman.store.Compare;
import io.cluman.store.KeyValue;
import io.cluman.store.KvStore;
import io.cluman.store.Op;
import io.cluman.store.StoreException;
import io.cluman.store.Txn;
import io.cluman.store.TxnResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Records of one type stored as JSON under one prefix, keyed by id. Every write is a compare-and-swap
 * on the key's mod revision; values read carry that revision (set through {@code withRevision}).
 *
 * @param <T> the record type
 */
public final class JsonRepository<T> {
    private static final int MAX_ATTEMPTS = 20;

    private final KvStore store;
    private final String prefix;
    private final Class<T> type;
    private final BiFunction<T, Long, T> withRevision;

    public JsonRepository(KvStore store, String prefix, Class<T> type, BiFunction<T, Long, T> withRevision) {
        this.store = store;
        this.prefix = prefix;
        this.type = type;
        this.withRevision = withRevision;
    }

    public String key(String id) {
        return prefix + id;
    }

    public String prefix() {
        return prefix;
    }

    public Optional<T> get(String id) {
        return store.get(key(id)).map(this::decode);
    }

    /** Every record, in id order. */
    public List<T> list() {
        List<T> values = new ArrayList<>();
        for (KeyValue kv : store.range(prefix).kvs()) {
            values.add(decode(kv));
        }
        return values;
    }

    public T decode(KeyValue kv) {
        return withRevision.apply(StoreJson.read(kv.value(), type), kv.modRevision());
    }

    /** Writes a new record; {@link StoreException.Conflict} when the id is taken. */
    public T create(String id, T value) {
        TxnResult result = store.txn(Txn.when(List.of(Compare.absent(key(id))),
                List.of(Op.put(key(id), StoreJson.write(value))), List.of()));
        if (!result.succeeded()) {
            throw new StoreException.Conflict(id + " already exists");
        }
        return withRevision.apply(value, result.revision());
    }

    /** Replaces a record if it is still at {@code expectedRevision}; {@link StoreException.Conflict} if not. */
    public T replace(String id, T value, long expectedRevision) {
        TxnResult result = store.txn(Txn.when(List.of(Compare.modRevision(key(id), expectedRevision)),
                List.of(Op.put(key(id), StoreJson.write(value))), List.of()));
        if (!result.succeeded()) {
            throw new StoreException.Conflict(id + " changed since revision " + expectedRevision);
        }
        return withRevision.apply(value, result.revision());
    }

    /**
     * Reads, changes and writes back with compare-and-swap, retrying when another writer won. When
     * {@code change} returns the same instance nothing is written.
     *
     * @throws StoreException.NotFound when the record does not exist
     */
    public T update(String id, UnaryOperator<T> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            KeyValue kv = store.get(key(id)).orElseThrow(() -> new StoreException.NotFound(id + " not found"));
            T current = decode(kv);
            T changed = change.apply(current);
            if (changed == current) {
                return current;
            }
            try {
                return replace(id, changed, kv.modRevision());
            } catch (StoreException.Conflict lost) {
                Thread.onSpinWait();
            }
        }
        throw new StoreException.Conflict(id + " is being changed by others; try again");
    }

    /** Deletes a record if it is still at {@code expectedRevision}; false when it changed or is gone. */
    public boolean delete(String id, long expectedRevision) {
        return store.txn(Txn.when(List.of(Compare.modRevision(key(id), expectedRevision)),
                List.of(Op.delete(key(id))), List.of())).succeeded();
    }

    /** Deletes a record whatever its revision; false when it did not exist. */
    public boolean delete(String id) {
        return store.delete(key(id));
    }
}
