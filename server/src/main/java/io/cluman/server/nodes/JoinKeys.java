package io.cluman.server.nodes;

import io.cluman.store.Compare;
import io.cluman.store.KeyValue;
import io.cluman.store.KvStore;
import io.cluman.store.Op;
import io.cluman.store.Txn;
import io.cluman.store.TxnResult;
import io.cluman.store.repo.KeySpace;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Which node a new agent's key joined as, remembered for a while: a join whose answer was lost (a time-out
 * under load) and that the agent sends again, with the same key and no node id yet, is the same node, not a
 * second one that never heartbeats and goes off. The id is remembered <em>before</em> the node is made, first
 * writer wins, so two joins with one key at once, or a retry after a crash in between, end as one node.
 * Entries live {@link #REMEMBER} to {@link #REMEMBER} + {@link #LEASE_EVERY} on a lease shared by the joins of
 * one period: the store forgets them by itself.
 */
public final class JoinKeys {
    /** Longer than an agent's join back-off (at most 30 s) many times over. */
    static final Duration REMEMBER = Duration.ofMinutes(10);
    static final Duration LEASE_EVERY = Duration.ofMinutes(1);
    static final String PREFIX = KeySpace.ROOT + "join-keys/";

    private final KvStore store;
    private final InstantSource clock;
    private long lease;
    private Instant leaseUntil = Instant.MIN;

    public JoinKeys(KvStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The node a join with this key made lately, if any. */
    public Optional<String> nodeOf(String fingerprint) {
        return store.get(PREFIX + fingerprint).map(JoinKeys::text);
    }

    /**
     * The node id the key {@code fingerprint} joins as: {@code fresh} if no join with it is remembered (it is
     * remembered now), else the one remembered.
     */
    public String remember(String fingerprint, String fresh) {
        String key = PREFIX + fingerprint;
        for (int attempt = 0; attempt < 3; attempt++) {
            TxnResult result = store.txn(Txn.when(List.of(Compare.absent(key)),
                    List.of(Op.put(key, fresh.getBytes(StandardCharsets.UTF_8), currentLease())), List.of()));
            if (result.succeeded()) {
                return fresh;
            }
            Optional<String> known = nodeOf(fingerprint);
            if (known.isPresent()) {
                return known.get();
            }
            // expired between the two reads: try again
        }
        return fresh;
    }

    /** The lease of this period, granted when the last one is due to be replaced. */
    private synchronized long currentLease() {
        Instant now = clock.instant();
        if (now.isAfter(leaseUntil)) {
            lease = store.grantLease(REMEMBER.plus(LEASE_EVERY));
            leaseUntil = now.plus(LEASE_EVERY);
        }
        return lease;
    }

    private static String text(KeyValue kv) {
        return new String(kv.value(), StandardCharsets.UTF_8);
    }
}
