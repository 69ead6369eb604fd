package io.cluman.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cluman.store.EventCollector;
import io.cluman.store.KvStore;
import io.cluman.store.KvStoreContract;
import io.cluman.store.StoreException;
import io.cluman.store.testing.EtcdProcess;
import io.etcd.jetcd.Client;
import java.time.Duration;
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
    void unreachableEtcdIsUnavailableWithinTheTimeout() {
        try (EtcdKvStore unreachable = new EtcdKvStore(List.of("http://127.0.0.1:1"), Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> unreachable.get("/a")).isInstanceOf(StoreException.Unavailable.class);
        }
    }
}
