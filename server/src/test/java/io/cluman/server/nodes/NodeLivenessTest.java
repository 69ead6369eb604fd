package io.cluman.server.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.event.Event;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeMetrics;
import io.cluman.model.node.NodeState;
import io.cluman.server.events.EventBus;
import io.cluman.store.KvStore;
import io.cluman.store.embedded.EmbeddedKvStore;
import io.cluman.store.repo.EventLog;
import io.cluman.store.repo.KeySpace;
import io.cluman.store.repo.Repositories;
import io.cluman.store.repo.RepositoryMirror;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Liveness driven by a manual clock: no sleeping, every sweep decided by the test. */
class NodeLivenessTest {
    @TempDir
    Path dir;
    Instant now = Instant.parse("2026-11-21T12:00:00Z");
    final InstantSource clock = () -> now;
    KvStore store;
    RepositoryMirror<Node> mirror;
    NodeRegistry nodes;
    HeartbeatTable beats;
    EventLog log;
    NodeLiveness liveness;

    @BeforeEach
    void setUp() {
        store = new EmbeddedKvStore(dir);
        Repositories repos = Repositories.over(store);
        mirror = new RepositoryMirror<>(store, repos.nodes()).start();
        nodes = new NodeRegistry(repos.nodes(), mirror);
        beats = new HeartbeatTable();
        log = new EventLog(store, new Random(1));
        liveness = new NodeLiveness(nodes, beats, new HeartbeatPacing(Duration.ofSeconds(5), Duration.ofSeconds(15)),
                new EventBus(log, clock), clock, Duration.ofHours(1), id -> { });
    }

    @AfterEach
    void tearDown() {
        liveness.close();
        mirror.close();
        store.close();
    }

    private void addNode(String id) {
        nodes.create(new Node(id, id, Map.of(), NodeState.ACTIVE, true, true, "", null, null, null, now, now, 0));
    }

    private void beat(String id) {
        beats.record(id, new HeartbeatTable.Beat(now, NodeMetrics.empty(now), Map.of()));
    }

    private List<String> offlineEvents() {
        return log.read(KeySpace.EVENTS).stream().filter(e -> e.action().wireName().equals("offline"))
                .map(Event::objectId).toList();
    }

    @Test
    void aNodeSilentForMoreThanTheThresholdGoesOffOnceWithAnEvent() {
        addNode("n-aaaaaaaaaa");
        addNode("n-bbbbbbbbbb");
        liveness.start();
        beat("n-aaaaaaaaaa");
        beat("n-bbbbbbbbbb");
        now = now.plusSeconds(10);
        beat("n-bbbbbbbbbb");
        now = now.plusSeconds(6);
        liveness.sweep();
        liveness.sweep();
        assertThat(nodes.read("n-aaaaaaaaaa").orElseThrow().on()).isFalse();
        assertThat(nodes.read("n-bbbbbbbbbb").orElseThrow().on()).isTrue();
        assertThat(offlineEvents()).containsExactly("n-aaaaaaaaaa");
    }

    @Test
    void aNewLeaderGivesEveryNodeOneGracePeriod() {
        addNode("n-aaaaaaaaaa");
        now = now.plusSeconds(3600);
        liveness.start();
        now = now.plusSeconds(14);
        liveness.sweep();
        assertThat(nodes.read("n-aaaaaaaaaa").orElseThrow().on()).isTrue();
        now = now.plusSeconds(2);
        liveness.sweep();
        assertThat(nodes.read("n-aaaaaaaaaa").orElseThrow().on()).isFalse();
    }
}
