package io.cluman.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KvStoresTest {
    @TempDir
    Path dataDir;

    @Test
    void embeddedAndEmptySpecOpenTheStoreInTheDataDirectory() {
        for (String spec : List.of("embedded", "", " embedded ")) {
            try (KvStore store = KvStores.open(spec, dataDir, InstantSource.system())) {
                assertThat(store.kind()).isEqualTo("embedded");
            }
        }
        assertThat(Files.isDirectory(dataDir.resolve("store"))).isTrue();
    }

    @Test
    void etcdSpecListsHttpEndpoints() {
        assertThat(KvStores.etcdEndpoints("etcd://h1:2379,10.0.0.2:2380"))
                .containsExactly("http://h1:2379", "http://10.0.0.2:2380");
        try (KvStore store = KvStores.open("etcd://127.0.0.1:2379", dataDir, InstantSource.system())) {
            assertThat(store.kind()).isEqualTo("etcd");
        }
    }

    @Test
    void invalidSpecNamesTheAcceptedForms() {
        for (String spec : List.of("mysql://x", "etcd://", "etcd://host", "etcd://h:1,", "etcd://h:99999")) {
            assertThatThrownBy(() -> KvStores.open(spec, dataDir, InstantSource.system()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("embedded")
                    .hasMessageContaining("etcd://host:port");
        }
    }
}
