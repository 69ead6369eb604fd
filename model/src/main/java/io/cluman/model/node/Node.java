package io.cluman.model.node;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A node as the store keeps it. Heartbeat times and metrics live in the leader's memory; only changes
 * of {@code on}, {@code healthy}, facts, labels, lifecycle state or membership are written here.
 *
 * @param cluster      the cluster the node belongs to, null when it is an orphan
 * @param membership   how it joined that cluster, null when it is an orphan
 * @param healthReason why the node is not healthy, empty when it is
 * @param lastSeen     time of the heartbeat that last changed {@code on}
 * @param revision     the store's mod revision of this record (not part of the stored value)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Node(String id, String name, Map<String, String> labels, NodeState state, boolean on, boolean healthy,
                   String healthReason, String cluster, Membership membership, NodeFacts facts, Instant joinedAt,
                   Instant lastSeen, long revision) {
    public Node {
        labels = labels == null ? Map.of() : Map.copyOf(new TreeMap<>(labels));
        healthReason = healthReason == null ? "" : healthReason;
        facts = facts == null ? NodeFacts.unknown() : facts;
    }

    public Optional<String> clusterName() {
        return Optional.ofNullable(cluster);
    }

    public Node withRevision(long newRevision) {
        return new Node(id, name, labels, state, on, healthy, healthReason, cluster, membership, facts, joinedAt,
                lastSeen, newRevision);
    }

    public Node withState(NodeState newState) {
        return new Node(id, name, labels, newState, on, healthy, healthReason, cluster, membership, facts, joinedAt,
                lastSeen, revision);
    }

    public Node withLabels(Map<String, String> newLabels) {
        return new Node(id, name, newLabels, state, on, healthy, healthReason, cluster, membership, facts, joinedAt,
                lastSeen, revision);
    }

    public Node withCluster(String newCluster, Membership how) {
        return new Node(id, name, labels, state, on, healthy, healthReason, newCluster, newCluster == null ? null : how,
                facts, joinedAt, lastSeen, revision);
    }

    public Node withLiveness(boolean newOn, boolean newHealthy, String newReason, Instant seen) {
        return new Node(id, name, labels, state, newOn, newHealthy, newReason, cluster, membership, facts, joinedAt,
                seen, revision);
    }

    public Node withFacts(NodeFacts newFacts) {
        return new Node(id, name, labels, state, on, healthy, healthReason, cluster, membership, newFacts, joinedAt,
                lastSeen, revision);
    }

    public Node withName(String newName) {
        return new Node(id, newName, labels, state, on, healthy, healthReason, cluster, membership, facts, joinedAt,
                lastSeen, revision);
    }
}
