package io.cluman.server.jointokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cluman.client.tls.CaPin;
import io.cluman.model.api.JoinTokenCreated;
import io.cluman.model.api.JoinTokenRequest;
import io.cluman.model.api.JoinTokenView;
import io.cluman.server.api.ApiError;
import io.cluman.server.nodes.Ids;
import io.cluman.server.security.TokenDigest;
import io.cluman.store.KvStore;
import io.cluman.store.KvStores;
import io.cluman.store.repo.JoinToken;
import io.cluman.store.repo.Repositories;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Join tokens over a real embedded store: the value format, each refusal, and uses under contention. */
class JoinTokensTest {
    private static final String PIN = "0123456789abcdef";

    @TempDir
    Path dir;

    private KvStore store;
    private Repositories repos;
    private MutableClock clock;
    private JoinTokens tokens;

    /** A clock the test moves by hand. */
    private static final class MutableClock implements InstantSource {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    @BeforeEach
    void open() {
        store = KvStores.open("embedded", dir, Clock.system(ZoneOffset.UTC));
        repos = Repositories.over(store);
        clock = new MutableClock();
        Random random = new Random(7);
        tokens = new JoinTokens(repos.joinTokens(), PIN, new Ids(random), clock, random);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private JoinTokenCreated make(String ttl, Integer uses) {
        return tokens.create(new JoinTokenRequest(ttl, uses, "rack 4"));
    }

    @Test
    void valuePinsTheCaAndOnlyItsHashIsStored() {
        JoinTokenCreated made = make("1h", 3);

        assertThat(made.token()).startsWith("CLJ1-" + PIN + "-").hasSize(5 + 16 + 1 + 43);
        assertThat(CaPin.inJoinToken(made.token())).contains(PIN);
        assertThat(made.id()).matches("k-[a-z0-9]{10}");
        assertThat(made.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        JoinToken stored = repos.joinTokens().get(made.id()).orElseThrow();
        assertThat(stored.sha256()).isEqualTo(TokenDigest.sha256(made.token()));
        assertThat(stored.toString()).doesNotContain(made.token());
        assertThat(made.toString()).doesNotContain(made.token());
    }

    @Test
    void consumeCountsUsesUntilUsedUp() {
        JoinTokenCreated made = make(null, 2);

        assertThat(tokens.consume(made.token()).uses()).isEqualTo(1);
        assertThat(tokens.consume(made.token()).uses()).isEqualTo(2);
        assertRefused(made.token(), "is used up (2 of 2 uses)");
        assertThat(tokens.list()).extracting(JoinTokenView::uses, JoinTokenView::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "used-up"));
    }

    @Test
    void refusesUnknownRevokedAndExpiredTokensSayingWhich() {
        JoinTokenCreated brief = make("10m", null);
        JoinTokenCreated revoked = make(null, null);
        tokens.revoke(revoked.id());
        clock.advance(Duration.ofMinutes(10));

        assertRefused("CLJ1-" + PIN + "-nonsense", "not known to this cluster");
        assertRefused("clm_whatever", "not known to this cluster");
        assertRefused(revoked.token(), "was revoked");
        assertRefused(brief.token(), "expired at 2026-01-01T00:10:00Z");
        assertThat(tokens.list()).extracting(JoinTokenView::state).containsExactlyInAnyOrder("expired", "revoked");
        assertThat(repos.joinTokens().list()).allSatisfy(t -> assertThat(t.uses()).isZero());
    }

    @Test
    void revokingAnUnknownIdIsNotFound() {
        assertThatThrownBy(() -> tokens.revoke("k-nothere")).isInstanceOf(ApiError.NotFound.class)
                .hasMessageContaining("join token 'k-nothere' does not exist");
    }

    @Test
    void twoConcurrentJoinsWithAOneUseTokenCannotBothSucceed() throws Exception {
        for (int round = 0; round < 10; round++) {
            JoinTokenCreated made = make(null, 1);
            int threads = 8;
            CountDownLatch go = new CountDownLatch(1);
            Callable<Boolean> join = () -> {
                go.await();
                try {
                    tokens.consume(made.token());
                    return true;
                } catch (ApiError.Unauthorized refused) {
                    assertThat(refused).hasMessageContaining("used up");
                    return false;
                }
            };
            List<Boolean> outcomes = new java.util.ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                List<Future<Boolean>> all = IntStream.range(0, threads).mapToObj(i -> pool.submit(join)).toList();
                go.countDown();
                for (Future<Boolean> f : all) {
                    outcomes.add(f.get());
                }
            }
            assertThat(outcomes).filteredOn(Boolean::booleanValue).hasSize(1);
            assertThat(repos.joinTokens().get(made.id()).orElseThrow().uses()).isEqualTo(1);
        }
    }

    private void assertRefused(String value, String why) {
        assertThatThrownBy(() -> tokens.consume(value)).isInstanceOf(ApiError.Unauthorized.class)
                .hasMessageContaining(why).hasMessageContaining("cluman token join create");
    }
}
