package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ClumanClient;
import io.cluman.model.api.AffinityRequest;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ReplicaView;
import io.cluman.model.api.ResourceRequest;
import io.cluman.model.api.ServiceRequest;
import io.cluman.model.api.ServiceView;
import io.cluman.model.container.DriverName;
import io.cluman.model.node.NodeOperation;
import io.cluman.server.FakeAgents;
import io.cluman.server.Heartbeats;
import io.cluman.server.ServerConfig;
import io.cluman.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's ranking (binpack or spread) and affinities decide where its replicas go, through the API. */
class ServicePlacementApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    TestServer server;
    ClumanClient admin;
    Heartbeats beats;
    /** Node ids by zone: a, b, c. */
    Map<String, String> zones;

    @BeforeEach
    void start() {
        server = new TestServer(ServerConfig.defaults(dir).withPort(0));
        admin = server.admin();
        ClumanClient agent = server.agent();
        beats = new Heartbeats(agent);
        zones = Map.of("a", activeNode(agent, "a"), "b", activeNode(agent, "b"), "c", activeNode(agent, "c"));
        beats.beating().addAll(zones.values());
    }

    @AfterEach
    void stop() {
        beats.close();
        server.close();
    }

    private String activeNode(ClumanClient agent, String zone) {
        String id = FakeAgents.join(agent, "node-" + zone, Map.of("zone", zone));
        String job = admin.operate(id, NodeOperation.COMMISSION).id();
        await().atMost(WAIT).until(() -> admin.job(job).state().isFinished());
        return id;
    }

    private static ServiceRequest sleepers(String name, int replicas, String memory, String ranking,
                                           List<AffinityRequest> affinities) {
        return new ServiceRequest(name, DriverName.PROCESS, null, List.of("/bin/sleep", "3600"), null, null, null,
                null, new ResourceRequest(null, memory), null, null, null, replicas, null, null, null, null, null,
                ranking, affinities);
    }

    private List<String> nodesOf(String service, int replicas) {
        ServiceView s = await().atMost(WAIT).until(() -> admin.service(service), v -> v.replicas().size() == replicas);
        return s.replicas().stream().map(ReplicaView::node).toList();
    }

    /** Makes node b the fullest: a plain container holding 4 of its 8 GiB. */
    private void fillZoneB() {
        admin.createContainer(new ContainerRequest("ballast", DriverName.PROCESS, null, List.of("/bin/sleep", "3600"),
                null, zones.get("b"), null, null, null, null, new ResourceRequest(null, "4g"), null, null, null));
    }

    @Test
    void binpackFillsTheFullestNodeAndSpreadTheEmptiest() {
        fillZoneB();
        admin.createService(sleepers("packed", 1, "1g", null, null));
        admin.createService(sleepers("spread", 1, "1g", "spread", null));

        assertThat(nodesOf("packed", 1)).containsExactly(zones.get("b"));
        assertThat(nodesOf("spread", 1)).doesNotContain(zones.get("b"));
        assertThat(admin.service("packed").spec().ranking()).isEqualTo("binpack");
        assertThat(admin.service("spread").spec().ranking()).isEqualTo("spread");
    }

    @Test
    void affinitiesPreferAndAvoidNodesWithoutExcludingThem() {
        admin.createService(sleepers("near-c", 1, null, null, List.of(new AffinityRequest("zone==c", 100))));
        admin.createService(sleepers("not-a", 2, null, null, List.of(new AffinityRequest("zone==a", -100))));
        admin.createService(sleepers("only-a-wanted", 3, null, null, List.of(new AffinityRequest("zone==a", 100))));

        assertThat(nodesOf("near-c", 1)).containsExactly(zones.get("c"));
        assertThat(nodesOf("not-a", 2)).containsExactlyInAnyOrder(zones.get("b"), zones.get("c"));
        assertThat(nodesOf("only-a-wanted", 3)).as("a preference, not a constraint: all three placed")
                .hasSize(3).contains(zones.get("a"));
        assertThat(admin.service("near-c").spec().affinities()).containsExactly(new AffinityRequest("zone==c", 100));
    }

    @Test
    void aNewSpecReplacesTheRankingAndTheAffinities() {
        admin.createService(sleepers("web", 1, "1g", null, List.of(new AffinityRequest("zone==a", 20))));

        admin.replaceService("web", sleepers("web", 1, "1g", "spread", List.of(new AffinityRequest("zone==c", -50))));

        ServiceView replaced = admin.service("web");
        assertThat(replaced.generation()).isEqualTo(2);
        assertThat(replaced.spec().ranking()).isEqualTo("spread");
        assertThat(replaced.spec().affinities()).containsExactly(new AffinityRequest("zone==c", -50));
    }
}
