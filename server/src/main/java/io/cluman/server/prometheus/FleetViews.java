package io.cluman.server.prometheus;

import io.cluman.model.container.Container;
import io.cluman.model.container.ContainerStatus;
import io.cluman.model.service.Service;
import io.cluman.server.containers.AssignmentFeed;
import io.cluman.server.nodes.HeartbeatTable;
import io.cluman.server.nodes.NodeRegistry;
import io.cluman.store.repo.RepositoryMirror;
import java.util.function.Supplier;

/**
 * Takes a {@link FleetSample} from what the server holds in memory: the node mirror, the last heartbeats, the
 * container records of the {@link AssignmentFeed}, and mirrors of container statuses and services. No store
 * reads: at 10,000 nodes a sample is one pass with a map lookup per node and per container.
 */
public final class FleetViews implements Supplier<FleetSample> {
    private final NodeRegistry nodes;
    private final HeartbeatTable heartbeats;
    private final AssignmentFeed containers;
    private final RepositoryMirror<ContainerStatus> statuses;
    private final RepositoryMirror<Service> services;

    public FleetViews(NodeRegistry nodes, HeartbeatTable heartbeats, AssignmentFeed containers,
                      RepositoryMirror<ContainerStatus> statuses, RepositoryMirror<Service> services) {
        this.nodes = nodes;
        this.heartbeats = heartbeats;
        this.containers = containers;
        this.statuses = statuses;
        this.services = services;
    }

    @Override
    public FleetSample get() {
        FleetSample sample = new FleetSample();
        nodes.forEachCached(node -> sample.node(node, heartbeats.last(node.id())
                .map(HeartbeatTable.Beat::metrics).orElse(null)));
        for (Container container : containers.all()) {
            sample.container(container, statuses.get(container.name()).orElse(null));
        }
        services.forEach(sample::service);
        return sample;
    }
}
