package io.cluman.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cluman.store.EventCollector;
import io.cluman.store.KeyValue;
import io.cluman.store.KvStore;
import io.cluman.store.KvStoreContract;
import io.cluman.store.ManualClock;
import io.cluman.store.Op;
import io.cluman.store.StoreException;
import io.cluman.store.Txn;
import io.cluman.store.Watch;
import io.cluman.store.WatchEvent;
import io.cluman.store.WatchListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKvStoreTest extends KvStoreContract {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Override
    protected KvStore newStore() {
        return new EmbeddedKvStore(dir.resolve("contract"));
    }

    private EmbeddedKvStore open(Path path, InstantSource clock, EmbeddedOptions options) {
        return new EmbeddedKvStore(path, clock, options);
    }

    private EmbeddedKvStore open(Path path) {
        return open(path, InstantSource.system(), EmbeddedOptions.defaults());
    }

    @Test
    void reopenKeepsDataRevisionsAndVersions() {
        Path path = dir.resolve("reopen");
        long revision;
        KeyValue before;
        try (EmbeddedKvStore first = open(path)) {
            first.put("/a", bytes("1"));
            first.put("/a", bytes("2"));
            first.put("/b", bytes("x"));
            first.delete("/b");
            revision = first.revision();
            before = first.get("/a").orElseThrow();
        }

        try (EmbeddedKvStore second = open(path)) {
            assertThat(second.revision()).isEqualTo(revision);
            assertThat(second.get("/a")).contains(before);
            assertThat(second.get("/b")).isEmpty();
            assertThat(second.put("/c", bytes("new"))).isEqualTo(revision + 1);
        }
    }

    @Test
    void reopenAfterSnapshotReplaysTheLogAfterIt() throws IOException {
        Path path = dir.resolve("snapshot");
        try (EmbeddedKvStore first = open(path)) {
            first.put("/before", bytes("1"));
            long lease = first.grantLease(Duration.ofMinutes(5));
            first.txn(Txn.always(List.of(Op.put("/leased", bytes("x"), lease))));
            first.snapshot();
            first.put("/after", bytes("2"));
        }

        assertThat(Files.exists(path.resolve("snapshot.bin"))).isTrue();
        try (EmbeddedKvStore second = open(path)) {
            assertThat(second.range("/").kvs()).extracting(KeyValue::key).containsExactly("/after", "/before", "/leased");
            long lease = second.get("/leased").orElseThrow().lease();
            second.revokeLease(lease);
            assertThat(second.get("/leased")).isEmpty();
            assertThat(second.grantLease(Duration.ofMinutes(1))).isGreaterThan(lease);
        }
    }

    @Test
    void automaticSnapshotsKeepTheLogShort() throws IOException {
        Path path = dir.resolve("auto");
        try (EmbeddedKvStore store = open(path, InstantSource.system(), EmbeddedOptions.defaults().withSnapshotAfterRecords(10))) {
            for (int i = 0; i < 55; i++) {
                store.put("/k" + i, bytes(Integer.toString(i)));
            }
            await().atMost(WAIT).until(() -> segments(path).size() <= 2 && Files.exists(path.resolve("snapshot.bin")));
        }

        try (EmbeddedKvStore reopened = open(path)) {
            assertThat(reopened.range("/").kvs()).hasSize(55);
            assertThat(reopened.revision()).isEqualTo(55);
        }
    }

    @Test
    void tornTailIsCutOffAndLaterWritesSurvive() throws IOException {
        Path path = dir.resolve("torn");
        try (EmbeddedKvStore first = open(path)) {
            first.put("/a", bytes("1"));
            first.put("/b", bytes("2"));
        }
        Path segment = segments(path).getLast();
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.allocate(20).putInt(500).putInt(1234).put(new byte[12]).flip()); // half a frame
        }

        try (EmbeddedKvStore second = open(path)) {
            assertThat(second.revision()).isEqualTo(2);
            assertThat(second.put("/c", bytes("3"))).isEqualTo(3);
        }
        try (EmbeddedKvStore third = open(path)) {
            assertThat(third.range("/").kvs()).extracting(KeyValue::valueAsString).containsExactly("1", "2", "3");
        }
    }

    @Test
    void lastRecordWithBadChecksumIsDropped() throws IOException {
        Path path = dir.resolve("checksum");
        try (EmbeddedKvStore first = open(path)) {
            first.put("/a", bytes("1"));
            first.put("/b", bytes("2"));
        }
        Path segment = segments(path).getLast();
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {42}), channel.size() - 1); // flip the last byte
        }

        try (EmbeddedKvStore second = open(path)) {
            assertThat(second.revision()).isEqualTo(1);
            assertThat(second.get("/b")).isEmpty();
        }
    }

    @Test
    void watchFromBeforeReopenIsCompacted() {
        Path path = dir.resolve("compacted");
        long revision;
        try (EmbeddedKvStore first = open(path)) {
            first.put("/a", bytes("1"));
            revision = first.put("/a", bytes("2"));
        }

        try (EmbeddedKvStore second = open(path)) {
            assertThatThrownBy(() -> second.watch("/", revision, new EventCollector()))
                    .isInstanceOfSatisfying(StoreException.Compacted.class, compacted ->
                            assertThat(compacted.compactRevision()).isEqualTo(revision + 1));
            EventCollector events = new EventCollector();
            try (Watch ignored = second.watch("/", revision + 1, events)) {
                second.put("/a", bytes("3"));
                await().atMost(WAIT).until(() -> events.events().size() == 1);
            }
        }
    }

    @Test
    void watchHistoryIsBounded() {
        try (EmbeddedKvStore store = open(dir.resolve("bounded"), InstantSource.system(),
                EmbeddedOptions.defaults().withWatchHistoryEvents(10))) {
            for (int i = 0; i < 20; i++) {
                store.put("/k" + i, bytes("v"));
            }

            assertThatThrownBy(() -> store.watch("/", 1, new EventCollector()))
                    .isInstanceOfSatisfying(StoreException.Compacted.class, compacted ->
                            assertThat(compacted.compactRevision()).isEqualTo(11));
            EventCollector events = new EventCollector();
            try (Watch ignored = store.watch("/", 11, events)) {
                await().atMost(WAIT).until(() -> events.events().size() == 10);
            }
        }
    }

    @Test
    void secondOpenOfTheSameDirectoryFails() {
        Path path = dir.resolve("locked");
        try (EmbeddedKvStore ignored = open(path)) {
            assertThatThrownBy(() -> open(path))
                    .isInstanceOf(StoreException.Unavailable.class)
                    .hasMessageContaining("already open");
        }
        try (EmbeddedKvStore again = open(path)) {
            assertThat(again.revision()).isZero();
        }
    }

    @Test
    void leaseExpiresWhenTheClockPassesItsDeadline() {
        ManualClock clock = new ManualClock();
        try (EmbeddedKvStore store = open(dir.resolve("lease"), clock, EmbeddedOptions.defaults()
                .withLeaseCheckInterval(Duration.ofMillis(10)))) {
            long lease = store.grantLease(Duration.ofSeconds(10));
            store.txn(Txn.always(List.of(Op.put("/a", bytes("1"), lease))));
            EventCollector events = new EventCollector();
            store.watch("/", 0, events);

            clock.advance(Duration.ofSeconds(6));
            store.keepAlive(lease);
            clock.advance(Duration.ofSeconds(6));
            await().during(Duration.ofMillis(100)).atMost(WAIT).until(() -> store.get("/a").isPresent());

            clock.advance(Duration.ofSeconds(5));
            await().atMost(WAIT).until(() -> store.get("/a").isEmpty());
            await().atMost(WAIT).until(() -> events.events().size() == 1);
            assertThat(events.events().getFirst()).isInstanceOf(WatchEvent.Delete.class);
        }
    }

    @Test
    void leasesGetTheirFullTtlAgainAfterReopen() {
        ManualClock clock = new ManualClock();
        Path path = dir.resolve("lease-reopen");
        EmbeddedOptions fastTicks = EmbeddedOptions.defaults().withLeaseCheckInterval(Duration.ofMillis(10));
        long lease;
        try (EmbeddedKvStore first = open(path, clock, fastTicks)) {
            lease = first.grantLease(Duration.ofSeconds(10));
            first.txn(Txn.always(List.of(Op.put("/a", bytes("1"), lease))));
            clock.advance(Duration.ofSeconds(8));
        }

        try (EmbeddedKvStore second = open(path, clock, fastTicks)) {
            clock.advance(Duration.ofSeconds(8));
            await().during(Duration.ofMillis(100)).atMost(WAIT).until(() -> second.get("/a").isPresent());
            second.keepAlive(lease);
            clock.advance(Duration.ofSeconds(11));
            await().atMost(WAIT).until(() -> second.get("/a").isEmpty());
        }
    }

    @Test
    void listenerFailureDoesNotEndTheWatch() {
        try (EmbeddedKvStore store = open(dir.resolve("listener"))) {
            EventCollector events = new EventCollector();
            store.watch("/", 0, new WatchListener() {
                @Override
                public void onEvents(List<WatchEvent> batch) {
                    events.onEvents(batch);
                    throw new IllegalStateException("listener bug");
                }
            });
            store.put("/a", bytes("1"));
            store.put("/b", bytes("2"));

            await().atMost(WAIT).until(() -> events.events().size() == 2);
        }
    }

    @Test
    void watchSeesEveryRevisionOnceAndInOrderUnderConcurrentWritesAndSnapshots() throws Exception {
        int threads = 16;
        int writesEach = 200;
        try (EmbeddedKvStore store = open(dir.resolve("concurrent"), InstantSource.system(),
                EmbeddedOptions.defaults().withSnapshotAfterRecords(500))) {
            EventCollector events = new EventCollector();
            store.watch("/", 0, events);
            try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    writers.submit(() -> {
                        for (int i = 0; i < writesEach; i++) {
                            store.put("/t" + thread + "/" + (i % 10), bytes(Integer.toString(i)));
                        }
                    });
                }
            }

            await().atMost(WAIT).until(() -> events.events().size() == threads * writesEach);
            List<Long> revisions = events.batches().stream().map(batch -> batch.getFirst().revision()).toList();
            assertThat(revisions).hasSize(threads * writesEach);
            for (int i = 0; i < revisions.size(); i++) {
                assertThat(revisions.get(i)).isEqualTo(i + 1L);
            }
            assertThat(store.revision()).isEqualTo((long) threads * writesEach);
        }
    }

    @Test
    void duplicateKeysInOneBranchAreRefused() {
        assertThatThrownBy(() -> Txn.always(List.of(Op.put("/a", bytes("1")), Op.delete("/a"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Path> segments(Path path) throws IOException {
        try (var files = Files.list(path)) {
            return files.filter(file -> file.getFileName().toString().startsWith("wal-")).sorted().toList();
        }
    }
}
