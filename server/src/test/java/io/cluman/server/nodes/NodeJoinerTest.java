package io.cluman.server.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.client.tls.Csr;
import io.cluman.client.tls.EcKeys;
import io.cluman.model.agent.JoinRequest;
import io.cluman.model.node.Node;
import io.cluman.server.AtOnce;
import io.cluman.server.FakeAgents;
import io.cluman.server.events.EventBus;
import io.cluman.server.jobs.JobSubmitter;
import io.cluman.store.KvStore;
import io.cluman.store.embedded.EmbeddedKvStore;
import io.cluman.store.repo.EventLog;
import io.cluman.store.repo.Repositories;
import io.cluman.store.repo.RepositoryMirror;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/** Joins with one key at once, without the API's join gate in front: still one node. */
class NodeJoinerTest {
    @TempDir
    Path dir;
    KvStore store;
    RepositoryMirror<Node> mirror;
    NodeRegistry nodes;
    NodeJoiner joiner;

    @BeforeEach
    void setUp() {
        store = new EmbeddedKvStore(dir);
        Repositories repos = Repositories.over(store);
        mirror = new RepositoryMirror<>(store, repos.nodes()).start();
        nodes = new NodeRegistry(repos.nodes(), mirror);
        InstantSource clock = InstantSource.system();
        EventBus events = new EventBus(new EventLog(store, new Random(1)), clock);
        Ids ids = new Ids(new Random(2));
        joiner = new NodeJoiner(nodes, new HeartbeatTable(),
                new HeartbeatPacing(Duration.ofSeconds(5), Duration.ofSeconds(15)),
                new JobSubmitter(repos.jobs(), events, ids, clock), events, ids, clock, false,
                new JoinKeys(store, clock));
    }

    @AfterEach
    void tearDown() {
        mirror.close();
        store.close();
    }

    @RepeatedTest(5)
    void joinsWithOneKeyAtOnceMakeOneNode() throws Exception {
        KeyPair keys = EcKeys.generate(new SecureRandom());
        JoinRequest join = new JoinRequest(null, "racer", Map.of(), FakeAgents.facts("racer"),
                Csr.pem(Csr.create(keys, "new-node")));
        Set<String> ids = Set.copyOf(AtOnce.call(8, () -> joiner.join(join).nodeId()));

        assertThat(ids).hasSize(1);
        assertThat(nodes.read(ids.iterator().next())).isPresent();
        assertThat(store.range("/cluman/nodes/").kvs()).hasSize(1);
    }
}
