package io.cluman.store;

import static io.cluman.store.StoreFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lease part of the {@link KvStore} contract; run through {@link KvStoreContract}. */
public interface KvLeaseContract extends StoreFixture {
    /** Short, but not below etcd's minimum TTL (it rounds shorter ones up). */
    Duration SHORT_TTL = Duration.ofSeconds(2);

    @Test
    default void leaseExpiryDeletesKeysAndNotifiesWatchers() {
        long lease = store().grantLease(SHORT_TTL);
        store().txn(Txn.always(List.of(Op.put(key("a"), bytes("1"), lease))));
        assertThat(store().get(key("a")).orElseThrow().lease()).isEqualTo(lease);
        EventCollector events = new EventCollector();

        try (Watch ignored = store().watch(prefix(), 0, events)) {
            await().atMost(WAIT).until(() -> store().get(key("a")).isEmpty());
            await().atMost(WAIT).until(() -> !events.events().isEmpty());
        }

        assertThat(events.events()).singleElement().isInstanceOfSatisfying(WatchEvent.Delete.class, delete ->
                assertThat(delete.previous()).map(KeyValue::lease).contains(lease));
        assertThatThrownBy(() -> store().keepAlive(lease)).isInstanceOf(StoreException.NotFound.class);
    }

    @Test
    default void keepAliveExtendsLease() {
        long lease = store().grantLease(SHORT_TTL);
        store().txn(Txn.always(List.of(Op.put(key("a"), bytes("1"), lease))));

        await().during(SHORT_TTL.multipliedBy(2)).atMost(SHORT_TTL.multipliedBy(3))
                .pollInterval(Duration.ofMillis(400))
                .until(() -> {
                    store().keepAlive(lease);
                    return store().get(key("a")).isPresent();
                });

        await().atMost(WAIT).until(() -> store().get(key("a")).isEmpty());
    }

    @Test
    default void revokeDeletesEveryKeyOfTheLeaseInOneRevision() {
        long lease = store().grantLease(Duration.ofSeconds(60));
        store().txn(Txn.always(List.of(Op.put(key("a"), bytes("1"), lease), Op.put(key("b"), bytes("2"), lease))));
        store().put(key("c"), bytes("not leased"));
        long before = store().revision();
        EventCollector events = new EventCollector();

        try (Watch ignored = store().watch(prefix(), 0, events)) {
            store().revokeLease(lease);
            await().atMost(WAIT).until(() -> events.events().size() == 2);
        }

        assertThat(store().revision()).isEqualTo(before + 1);
        assertThat(store().range(prefix()).kvs()).extracting(KeyValue::key).containsExactly(key("c"));
        assertThat(events.batches()).singleElement().satisfies(batch ->
                assertThat(batch).allMatch(event -> event instanceof WatchEvent.Delete));
        store().revokeLease(lease); // unknown now: does nothing
    }

    @Test
    default void revokeOfLeaseWithoutKeysWritesNothing() {
        long lease = store().grantLease(Duration.ofSeconds(60));
        long before = store().revision();

        store().revokeLease(lease);

        assertThat(store().revision()).isEqualTo(before);
        assertThatThrownBy(() -> store().keepAlive(lease)).isInstanceOf(StoreException.NotFound.class);
    }

    @Test
    default void keepAliveOfUnknownLeaseIsNotFound() {
        assertThatThrownBy(() -> store().keepAlive(424_242_424_242L)).isInstanceOf(StoreException.NotFound.class);
    }

    @Test
    default void putMovesKeyBetweenLeases() {
        long first = store().grantLease(Duration.ofSeconds(60));
        long second = store().grantLease(Duration.ofSeconds(60));
        store().txn(Txn.always(List.of(Op.put(key("a"), bytes("1"), first))));
        store().txn(Txn.always(List.of(Op.put(key("a"), bytes("2"), second))));

        store().revokeLease(first);

        assertThat(store().get(key("a")).map(KeyValue::lease)).isEqualTo(Optional.of(second));
        store().revokeLease(second);
        assertThat(store().get(key("a"))).isEmpty();
    }
}
