package io.cluman.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link KvStore} must have, run against each backend by a subclass: reads,
 * writes and transactions here, watches in {@link KvWatchContract}, leases in {@link KvLeaseContract}.
 * Tests write under a fresh prefix each, so a backend may share one server across them; revisions are
 * compared relative to each other, never to fixed numbers.
 */
public abstract class KvStoreContract implements KvWatchContract, KvLeaseContract {
    protected KvStore store;
    protected String prefix;

    /** A new store for one test; the contract closes it after the test. */
    protected abstract KvStore newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
        prefix = "/contract/" + UUID.randomUUID() + "/";
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    public KvStore store() {
        return store;
    }

    @Override
    public String prefix() {
        return prefix;
    }

    protected static byte[] bytes(String value) {
        return StoreFixture.bytes(value);
    }

    private String value(String name) {
        return store.get(key(name)).map(KeyValue::valueAsString).orElse(null);
    }

    @Test
    void putCreatesKeyWithRevisionsAndVersion() {
        long first = store.put(key("a"), bytes("1"));
        long second = store.put(key("a"), bytes("2"));

        KeyValue kv = store.get(key("a")).orElseThrow();
        assertThat(second).isEqualTo(first + 1);
        assertThat(kv.valueAsString()).isEqualTo("2");
        assertThat(kv.createRevision()).isEqualTo(first);
        assertThat(kv.modRevision()).isEqualTo(second);
        assertThat(kv.version()).isEqualTo(2);
        assertThat(kv.lease()).isZero();
        assertThat(store.revision()).isEqualTo(second);
    }

    @Test
    void getOfMissingKeyIsEmpty() {
        assertThat(store.get(key("missing"))).isEmpty();
    }

    @Test
    void keysAndValuesKeepNonAsciiText() {
        store.put(key("ключ-é"), bytes("värde ✓"));

        assertThat(value("ключ-é")).isEqualTo("värde ✓");
        assertThat(store.range(prefix).kvs()).extracting(KeyValue::key).containsExactly(key("ключ-é"));
    }

    @Test
    void rangeReturnsKeysUnderPrefixInKeyOrder() {
        store.put(key("b"), bytes("b"));
        store.put(key("a"), bytes("a"));
        store.put(key("c/x"), bytes("cx"));
        long last = store.put(prefix.substring(0, prefix.length() - 1) + "-sibling", bytes("no"));

        RangeResult range = store.range(prefix);

        assertThat(range.kvs()).extracting(KeyValue::key).containsExactly(key("a"), key("b"), key("c/x"));
        assertThat(range.revision()).isEqualTo(last);
        assertThat(store.range(key("nothing-here/")).kvs()).isEmpty();
    }

    @Test
    void deleteRemovesKeyAndRecreationStartsAtVersionOne() {
        store.put(key("a"), bytes("1"));
        store.put(key("a"), bytes("2"));
        long before = store.revision();

        assertThat(store.delete(key("a"))).isTrue();
        assertThat(store.revision()).isEqualTo(before + 1);
        assertThat(store.get(key("a"))).isEmpty();

        long recreated = store.put(key("a"), bytes("3"));
        KeyValue kv = store.get(key("a")).orElseThrow();
        assertThat(kv.version()).isEqualTo(1);
        assertThat(kv.createRevision()).isEqualTo(recreated);
    }

    @Test
    void deleteOfMissingKeyWritesNothing() {
        store.put(key("other"), bytes("x"));
        long before = store.revision();

        assertThat(store.delete(key("missing"))).isFalse();
        TxnResult result = store.txn(Txn.always(List.of(Op.delete(key("missing")))));

        assertThat(result.revision()).isEqualTo(before);
        assertThat(store.revision()).isEqualTo(before);
    }

    @Test
    void compareOfModRevisionAppliesSuccessOpsWhenCurrent() {
        long written = store.put(key("a"), bytes("1"));

        TxnResult result = store.txn(Txn.when(List.of(Compare.modRevision(key("a"), written)),
                List.of(Op.put(key("a"), bytes("2"))), List.of()));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.revision()).isEqualTo(written + 1);
        assertThat(value("a")).isEqualTo("2");
    }

    @Test
    void compareOfStaleModRevisionFailsWithoutWriting() {
        long stale = store.put(key("a"), bytes("1"));
        long current = store.put(key("a"), bytes("2"));

        TxnResult result = store.txn(Txn.when(List.of(Compare.modRevision(key("a"), stale)),
                List.of(Op.put(key("a"), bytes("lost"))), List.of()));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.revision()).isEqualTo(current);
        assertThat(value("a")).isEqualTo("2");
    }

    @Test
    void modRevisionZeroMeansAbsent() {
        TxnResult created = store.txn(Txn.when(List.of(Compare.modRevision(key("a"), 0)),
                List.of(Op.put(key("a"), bytes("1"))), List.of()));
        TxnResult again = store.txn(Txn.when(List.of(Compare.modRevision(key("a"), 0)),
                List.of(Op.put(key("a"), bytes("2"))), List.of()));

        assertThat(created.succeeded()).isTrue();
        assertThat(again.succeeded()).isFalse();
        assertThat(value("a")).isEqualTo("1");
    }

    @Test
    void createIfAbsentSucceedsOnlyOnce() {
        Txn create = Txn.when(List.of(Compare.absent(key("a"))), List.of(Op.put(key("a"), bytes("first"))), List.of());

        TxnResult first = store.txn(create);
        TxnResult second = store.txn(create);

        assertThat(first.succeeded()).isTrue();
        assertThat(second.succeeded()).isFalse();
        assertThat(second.revision()).isEqualTo(first.revision());
        assertThat(value("a")).isEqualTo("first");
    }

    @Test
    void existsHoldsOnlyForPresentKeys() {
        Txn touchIfExists = Txn.when(List.of(Compare.exists(key("a"))), List.of(Op.put(key("a"), bytes("touched"))),
                List.of());

        assertThat(store.txn(touchIfExists).succeeded()).isFalse();
        assertThat(store.get(key("a"))).isEmpty();
        store.put(key("a"), bytes("1"));
        assertThat(store.txn(touchIfExists).succeeded()).isTrue();
        assertThat(value("a")).isEqualTo("touched");
    }

    @Test
    void failedCompareAppliesFailureOps() {
        long before = store.put(key("a"), bytes("1"));

        TxnResult result = store.txn(Txn.when(List.of(Compare.modRevision(key("a"), before + 1000)),
                List.of(Op.put(key("a"), bytes("yes"))),
                List.of(Op.put(key("b"), bytes("no")), Op.delete(key("a")))));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.revision()).isEqualTo(before + 1);
        assertThat(store.get(key("a"))).isEmpty();
        assertThat(value("b")).isEqualTo("no");
    }

    @Test
    void transactionOfSeveralOpsTakesOneRevision() {
        store.put(key("gone"), bytes("x"));
        long before = store.revision();

        TxnResult result = store.txn(Txn.always(List.of(Op.put(key("a"), bytes("1")), Op.put(key("b"), bytes("2")),
                Op.delete(key("gone")), Op.delete(key("never-there")))));

        assertThat(result.revision()).isEqualTo(before + 1);
        assertThat(store.range(prefix).kvs()).extracting(KeyValue::modRevision).containsOnly(before + 1);
    }

    @Test
    void putWithUnknownLeaseIsRefused() {
        long before = store.put(key("marker"), bytes("x"));

        assertThatThrownBy(() -> store.txn(Txn.always(List.of(Op.put(key("a"), bytes("1"), 987_654_321L)))))
                .isInstanceOf(StoreException.NotFound.class);
        assertThat(store.get(key("a"))).isEmpty();
        assertThat(store.revision()).isEqualTo(before);
    }

    @Test
    void concurrentCompareAndSwapIncrementsLoseNoUpdate() throws Exception {
        int threads = 8;
        int incrementsEach = 25;
        store.put(key("counter"), bytes("0"));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < incrementsEach; i++) {
                        incrementWithRetry(key("counter"));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }

        KeyValue counter = store.get(key("counter")).orElseThrow();
        assertThat(counter.valueAsString()).isEqualTo(Integer.toString(threads * incrementsEach));
        assertThat(counter.version()).isEqualTo(threads * incrementsEach + 1);
    }

    private void incrementWithRetry(String counterKey) {
        while (true) {
            KeyValue current = store.get(counterKey).orElseThrow();
            int next = Integer.parseInt(current.valueAsString()) + 1;
            TxnResult result = store.txn(Txn.when(List.of(Compare.modRevision(counterKey, current.modRevision())),
                    List.of(Op.put(counterKey, bytes(Integer.toString(next)))), List.of()));
            if (result.succeeded()) {
                return;
            }
        }
    }

    @Test
    void callsAfterCloseAreUnavailable() {
        store.close();

        assertThatThrownBy(() -> store.get(key("a"))).isInstanceOf(StoreException.Unavailable.class);
        assertThatThrownBy(() -> store.put(key("a"), bytes("1"))).isInstanceOf(StoreException.Unavailable.class);
        store.close(); // closing twice is harmless
    }

    @Test
    void kindNamesTheBackend() {
        assertThat(store.kind()).isIn("embedded", "etcd");
    }
}
