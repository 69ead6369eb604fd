package io.cluman.server.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.cluster.Cluster;
import io.cluman.model.node.Membership;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MembershipReconcilerTest {
    private static Cluster cluster(String name, int createdSecond, Map<String, String> selector) {
        return new Cluster(name, "", null, selector, Instant.ofEpochSecond(createdSecond), 1);
    }

    private static Node node(String id, Map<String, String> labels, String cluster, Membership how) {
        return new Node(id, id, labels, NodeState.ACTIVE, true, true, "", cluster, how, null, Instant.EPOCH,
                Instant.EPOCH, 1);
    }

    private static MembershipReconciler.Change change(String node, String cluster, Membership how) {
        return new MembershipReconciler.Change(node, cluster, how);
    }

    @Test
    void orphansJoinTheOldestMatchingSelectorCluster() {
        var clusters = List.of(cluster("late", 20, Map.of("zone", "eu")), cluster("early", 10, Map.of("zone", "eu")));
        var changes = MembershipReconciler.reconcile(clusters, List.of(node("a", Map.of("zone", "eu"), null, null)));
        assertThat(changes).containsExactly(change("a", "early", Membership.SELECTOR));
    }

    @Test
    void explicitMembersStayEvenWhenASelectorMatchesThem() {
        var clusters = List.of(cluster("manual", 5, Map.of()), cluster("eu", 10, Map.of("zone", "eu")));
        var nodes = List.of(node("a", Map.of("zone", "eu"), "manual", Membership.EXPLICIT));
        assertThat(MembershipReconciler.reconcile(clusters, nodes)).isEmpty();
    }

    @Test
    void selectorMembersThatNoLongerMatchMoveOrBecomeOrphans() {
        var clusters = List.of(cluster("eu", 10, Map.of("zone", "eu")), cluster("us", 11, Map.of("zone", "us")));
        var nodes = List.of(node("a", Map.of("zone", "us"), "eu", Membership.SELECTOR),
                node("b", Map.of(), "eu", Membership.SELECTOR));
        assertThat(MembershipReconciler.reconcile(clusters, nodes))
                .containsExactly(change("a", "us", Membership.SELECTOR), change("b", null, null));
    }

    @Test
    void membersOfADeletedClusterBecomeOrphans() {
        var nodes = List.of(node("a", Map.of(), "gone", Membership.EXPLICIT));
        assertThat(MembershipReconciler.reconcile(List.of(), nodes)).containsExactly(change("a", null, null));
    }

    @Test
    void aClusterWithoutSelectorGathersNobody() {
        var clusters = List.of(cluster("manual", 5, Map.of()));
        assertThat(MembershipReconciler.reconcile(clusters, List.of(node("a", Map.of("x", "y"), null, null)))).isEmpty();
    }
}
