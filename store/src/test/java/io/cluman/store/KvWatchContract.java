package io.cluman.store;

import static io.cluman.store.StoreFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The watch part of the {@link KvStore} contract; run through {@link KvStoreContract}. */
public interface KvWatchContract extends StoreFixture {

    @Test
    default void watchFromPastRevisionReplaysChangesWithPreviousValues() {
        long created = store().put(key("a"), bytes("1"));
        long updated = store().put(key("a"), bytes("2"));
        store().delete(key("a"));
        long deleted = store().revision();
        EventCollector events = new EventCollector();

        try (Watch ignored = store().watch(prefix(), created, events)) {
            await().atMost(WAIT).until(() -> events.events().size() == 3);
        }

        List<WatchEvent> seen = events.events();
        assertThat(seen.get(0)).isInstanceOfSatisfying(WatchEvent.Put.class, put -> {
            assertThat(put.revision()).isEqualTo(created);
            assertThat(put.kv().valueAsString()).isEqualTo("1");
            assertThat(put.previous()).isEmpty();
        });
        assertThat(seen.get(1)).isInstanceOfSatisfying(WatchEvent.Put.class, put -> {
            assertThat(put.revision()).isEqualTo(updated);
            assertThat(put.kv().version()).isEqualTo(2);
            assertThat(put.previous()).map(KeyValue::valueAsString).contains("1");
        });
        assertThat(seen.get(2)).isInstanceOfSatisfying(WatchEvent.Delete.class, delete -> {
            assertThat(delete.revision()).isEqualTo(deleted);
            assertThat(delete.key()).isEqualTo(key("a"));
            assertThat(delete.previous()).map(KeyValue::valueAsString).contains("2");
        });
        assertThat(events.batches()).hasSize(3);
    }

    @Test
    default void watchFromNowSeesOnlyLaterChanges() {
        store().put(key("a"), bytes("old"));
        EventCollector events = new EventCollector();

        try (Watch ignored = store().watch(prefix(), 0, events)) {
            long live = store().put(key("a"), bytes("new"));
            await().atMost(WAIT).until(() -> !events.events().isEmpty());

            assertThat(events.events()).singleElement().isInstanceOfSatisfying(WatchEvent.Put.class, put -> {
                assertThat(put.revision()).isEqualTo(live);
                assertThat(put.kv().valueAsString()).isEqualTo("new");
                assertThat(put.previous()).map(KeyValue::valueAsString).contains("old");
            });
        }
    }

    @Test
    default void watchSeesOnlyKeysUnderItsPrefix() {
        EventCollector events = new EventCollector();

        try (Watch ignored = store().watch(key("in/"), 0, events)) {
            store().put(key("out"), bytes("x"));
            store().put(key("in/1"), bytes("x"));
            store().put(key("inside"), bytes("x"));
            store().put(key("in/2"), bytes("x"));
            await().atMost(WAIT).until(() -> events.events().size() >= 2);
        }

        assertThat(events.keys()).containsExactly(key("in/1"), key("in/2"));
    }

    @Test
    default void watchOfKeyReportsItsDeletion() {
        store().put(key("a"), bytes("last"));
        EventCollector events = new EventCollector();

        try (Watch ignored = store().watch(key("a"), 0, events)) {
            store().delete(key("a"));
            await().atMost(WAIT).until(() -> !events.events().isEmpty());
        }

        assertThat(events.events()).singleElement().isInstanceOfSatisfying(WatchEvent.Delete.class, delete ->
                assertThat(delete.previous()).map(KeyValue::valueAsString).contains("last"));
    }

    @Test
    default void watchDeliversOneBatchPerRevisionInOrder() {
        EventCollector events = new EventCollector();

        try (Watch ignored = store().watch(prefix(), 0, events)) {
            store().txn(Txn.always(List.of(Op.put(key("a"), bytes("1")), Op.put(key("b"), bytes("1")))));
            store().put(key("c"), bytes("1"));
            await().atMost(WAIT).until(() -> events.events().size() == 3);
        }

        List<List<WatchEvent>> batches = events.batches();
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).extracting(WatchEvent::key).containsExactly(key("a"), key("b"));
        assertThat(batches.get(0)).extracting(WatchEvent::revision).containsOnly(batches.get(0).getFirst().revision());
        assertThat(batches.get(1).getFirst().revision()).isEqualTo(batches.get(0).getFirst().revision() + 1);
    }

    @Test
    default void closedWatchReceivesNothingMore() {
        EventCollector closed = new EventCollector();
        EventCollector open = new EventCollector();
        Watch watch = store().watch(prefix(), 0, closed);

        try (Watch ignored = store().watch(prefix(), 0, open)) {
            watch.close();
            store().put(key("a"), bytes("1"));
            await().atMost(WAIT).until(() -> !open.events().isEmpty());
        }

        assertThat(closed.events()).isEmpty();
    }

    @Test
    default void closingTheStoreEndsWatchesWithUnavailable() {
        EventCollector events = new EventCollector();
        store().watch(prefix(), 0, events);

        store().close();

        await().atMost(WAIT).until(() -> events.error() != null);
        assertThat(events.error()).isInstanceOf(StoreException.Unavailable.class);
    }
}
