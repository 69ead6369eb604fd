package io.cluman.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cluman.store.EventCollector;
import io.cluman.store.KeyValue;
import io.cluman.store.KvStore;
import io.cluman.store.KvStoreContract;
import io.cluman.store.Op;
import io.cluman.store.RangeResult;
import io.cluman.store.StoreException;
import io.cluman.store.Txn;
import io.cluman.store.testing.EtcdProcess;
import io.etcd.jetcd.Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract against a real etcd (one server for the class; each test writes under its own prefix). */
class EtcdKvStoreTest extends KvStoreContract {
    private static EtcdProcess etcd;

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdProcess.start();
    }

    @AfterAll
    static void stopEtcd() {
        if (etcd != null) {
            etcd.close();
        }
    }

    @Override
    protected KvStore newStore() {
        return new EtcdKvStore(List.of(etcd.endpoint()));
    }

    @Test
    void watchFromCompactedRevisionIsCompacted() throws Exception {
        long old = store.put(key("a"), bytes("1"));
        long current = store.put(key("a"), bytes("2"));
        try (Client admin = Client.builder().endpoints(etcd.endpoint()).build()) {
            admin.getKVClient().compact(current).get();
        }

        assertThatThrownBy(() -> store.watch(prefix, old, new EventCollector()))
                .isInstanceOfSatisfying(StoreException.Compacted.class, compacted ->
                        assertThat(compacted.compactRevision()).isEqualTo(current));
    }

    @Test
    void rangeOfManyKeysReadsEveryPageInKeyOrder() {
        int keys = 2_500;
        for (int batch = 0; batch < keys / 100; batch++) {
            List<Op> puts = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                puts.add(Op.put(key("k%05d".formatted(batch * 100 + i)), bytes("v")));
            }
            store.txn(Txn.always(puts));
        }
        long revision = store.revision();

        RangeResult range = store.range(prefix);

        assertThat(range.revision()).isEqualTo(revision);
        assertThat(range.kvs()).hasSize(keys);
        assertThat(range.kvs()).extracting(KeyValue::key).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void unreachableEtcdIsUnavailableWithinTheTimeout() {
        try (EtcdKvStore unreachable = new EtcdKvStore(List.of("http://127.0.0.1:1"), Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> unreachable.get("/a")).isInstanceOf(StoreException.Unavailable.class);
        }
    }
}
