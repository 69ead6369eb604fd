package io.cluman.server.placement;

import io.cluman.model.container.Container;
import io.cluman.model.node.Node;
import io.cluman.scheduler.NodeInfo;
import io.cluman.scheduler.PlacementRequest;
import io.cluman.scheduler.Snapshot;
import io.cluman.store.KeyValue;
import io.cluman.store.KvStore;
import io.cluman.store.repo.JsonRepository;
import io.cluman.store.repo.KeySpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state one placement attempt plans on, read from the store: the guard key revision of every node, then
 * the containers, then the nodes, and the scheduler snapshot built from them. Guards are read first, so a
 * placement committed after that read changes a guard this attempt compares, and its commit fails.
 *
 * @param guards     guard key → mod revision (absent: never written, compare with 0)
 * @param nodes      node id → node, every node of the snapshot
 * @param containers every container record
 */
record StoreRead(Map<String, Long> guards, Map<String, Node> nodes, List<Container> containers, Snapshot snapshot) {
    /** The guard key of {@code nodeId}, rewritten by every placement on that node. */
    static String guardKey(String nodeId) {
        return KeySpace.PLACEMENT_GUARDS + nodeId;
    }

    /** Reads the state, keeping only {@code batch}'s named node when it names one. */
    static StoreRead of(KvStore store, JsonRepository<Container> containers, List<Node> allNodes, Batch batch) {
        Map<String, Long> guards = new HashMap<>();
        for (KeyValue kv : store.range(KeySpace.PLACEMENT_GUARDS).kvs()) {
            guards.put(kv.key(), kv.modRevision());
        }
        List<Container> all = containers.list();
        Map<String, List<Container>> byNode = new HashMap<>();
        for (Container c : all) {
            byNode.computeIfAbsent(c.node(), k -> new ArrayList<>()).add(c);
        }
        Map<String, Node> nodes = new TreeMap<>();
        List<NodeInfo> infos = new ArrayList<>();
        for (Node n : allNodes) {
            if (batch.onlyNode().map(n.id()::equals).orElse(true)) {
                nodes.put(n.id(), n);
                infos.add(NodeInfo.from(n, byNode.getOrDefault(n.id(), List.of())));
            }
        }
        return new StoreRead(Map.copyOf(guards), nodes, all, Snapshot.of(infos));
    }

    /**
     * {@code batch}'s request for {@code replicas} more, with the service's replicas as this read sees them
     * (those leaving aside) as its existing ones.
     */
    PlacementRequest request(Batch batch, int replicas) {
        PlacementRequest r = batch.request();
        Map<String, Integer> existing = new HashMap<>();
        if (!r.service().isEmpty()) {
            for (Container c : containers) {
                if (r.service().equals(c.service()) && !batch.leaving().contains(c.name())) {
                    existing.merge(c.node(), 1, Integer::sum);
                }
            }
        }
        return new PlacementRequest(r.service(), replicas, r.milliCpus(), r.memory(), r.driver(), r.hostPorts(),
                r.target(), r.constraints(), r.ranking(), r.affinities(), r.spreadLabel(), r.distinctNodes(),
                existing);
    }
}
