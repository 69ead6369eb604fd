package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ApiException;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ClusterRequest;
import io.cluman.model.api.ClusterView;
import io.cluman.model.api.NodePatch;
import io.cluman.model.node.Membership;
import io.cluman.server.FakeAgents;
import io.cluman.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterApiTest {
    @TempDir
    Path dir;
    TestServer server;
    ClumanClient admin;
    ClumanClient agent;

    @BeforeEach
    void start() {
        server = new TestServer(dir);
        admin = server.admin();
        agent = server.agent();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ClusterRequest named(String name) {
        return new ClusterRequest(name, "test cluster", null, null);
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (ApiException e) {
            return e.status();
        }
    }

    @Test
    void systemGroupsAlwaysExistAndFollowTheNodes() {
        String id = FakeAgents.join(agent, "web-1", Map.of());
        assertThat(admin.clusters()).extracting(ClusterView::name).containsExactly("all", "orphans");
        assertThat(admin.cluster("all").nodes()).containsExactly(id);
        assertThat(admin.cluster("orphans").nodes()).containsExactly(id);
        assertThat(admin.cluster("all").system()).isTrue();
    }

    @Test
    void explicitMembershipMovesANodeOutOfOrphans() {
        String id = FakeAgents.join(agent, "web-1", Map.of());
        admin.createCluster(named("prod"));
        ClusterView prod = admin.addNode("prod", id);
        assertThat(prod.nodes()).containsExactly(id);
        assertThat(admin.cluster("orphans").nodes()).isEmpty();
        assertThat(admin.node(id).membership()).isEqualTo(Membership.EXPLICIT);
        admin.removeNode("prod", id);
        assertThat(admin.cluster("orphans").nodes()).containsExactly(id);
    }

    @Test
    void aNodeIsInAtMostOneCluster() {
        String id = FakeAgents.join(agent, "web-1", Map.of());
        admin.createCluster(named("prod"));
        admin.createCluster(named("test"));
        admin.addNode("prod", id);
        assertThatThrownBy(() -> admin.addNode("test", id)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.problem().detail()).contains("prod");
        });
        assertThat(admin.cluster("test").nodes()).isEmpty();
    }

    @Test
    void duplicateNamesAndSystemGroupsAreRefused() {
        admin.createCluster(named("prod"));
        assertThat(status(() -> admin.createCluster(named("prod")))).isEqualTo(409);
        assertThat(status(() -> admin.createCluster(named("all")))).isEqualTo(400);
        String id = FakeAgents.join(agent, "web-1", Map.of());
        assertThat(status(() -> admin.addNode("all", id))).isEqualTo(409);
        assertThat(status(() -> admin.addNode("orphans", id))).isEqualTo(409);
        assertThat(status(() -> admin.deleteCluster("orphans"))).isEqualTo(409);
        assertThat(status(() -> admin.addNode("nope", id))).isEqualTo(404);
        assertThat(status(() -> admin.addNode("prod", "n-missing0000"))).isEqualTo(404);
    }

    @Test
    void selectorClustersGatherMatchingNodesAndReleaseThemWhenLabelsChange() {
        String a = FakeAgents.join(agent, "a", Map.of("zone", "eu"));
        String b = FakeAgents.join(agent, "b", Map.of("zone", "us"));
        admin.createCluster(new ClusterRequest("eu", "", null, Map.of("zone", "eu")));
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.cluster("eu").nodes().contains(a));
        assertThat(admin.cluster("eu").nodes()).doesNotContain(b);
        assertThat(admin.node(a).membership()).isEqualTo(Membership.SELECTOR);
        admin.patchNode(a, new NodePatch(Map.of("zone", "us")));
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.cluster("eu").nodes().isEmpty());
    }

    @Test
    void deletingAClusterMakesItsNodesOrphans() {
        String id = FakeAgents.join(agent, "web-1", Map.of());
        admin.createCluster(named("prod"));
        admin.addNode("prod", id);
        admin.deleteCluster("prod");
        assertThat(admin.cluster("orphans").nodes()).containsExactly(id);
        assertThat(status(() -> admin.cluster("prod"))).isEqualTo(404);
    }

    @Test
    void patchChangesDescriptionAndSelectorButNotTheName() {
        admin.createCluster(named("prod"));
        ClusterView changed = admin.patchCluster("prod", new ClusterRequest(null, "new words", null, Map.of("a", "b")));
        assertThat(changed.description()).isEqualTo("new words");
        assertThat(changed.selector()).containsEntry("a", "b");
        assertThat(status(() -> admin.patchCluster("prod", named("other")))).isEqualTo(400);
    }
}
