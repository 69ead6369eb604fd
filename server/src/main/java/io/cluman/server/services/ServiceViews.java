package io.cluman.server.services;

import io.cluman.model.api.ContainerView;
import io.cluman.model.api.ReplicaView;
import io.cluman.model.api.ServiceRequest;
import io.cluman.model.api.ServiceView;
import io.cluman.model.container.TaskState;
import io.cluman.model.job.Progress;
import io.cluman.model.service.Service;
import java.util.Comparator;
import java.util.List;

/** Joins a service with its replicas' containers for the API. Pure. */
final class ServiceViews {
    private ServiceViews() {
    }

    /**
     * @param replicas the service's containers
     * @param detailed whether to list each replica (one service) or only count them (lists)
     */
    static ServiceView of(Service s, List<ContainerView> replicas, boolean detailed) {
        int running = (int) replicas.stream().filter(c -> c.status() == TaskState.RUNNING).count();
        List<ReplicaView> each = detailed ? replicas.stream().sorted(Comparator.comparing(ContainerView::name))
                .map(c -> new ReplicaView(c.name(), c.node(), c.status(), c.health(), c.restarts(), c.createdAt()))
                .toList() : List.of();
        ServiceRequest spec = ServiceRequest.of(s.template(), s.replicas(), s.cluster(), s.constraints(), s.spread(),
                s.maxUnavailable(), UpdateSpecs.request(s.update()), s.ranking(), s.affinities());
        Progress progress = s.running().map(d -> new Progress(d.done(), d.total())).orElse(null);
        return new ServiceView(s.name(), spec, s.generation(), s.replicas(), running, s.held(), s.waiting(), each,
                s.deployments().reversed(), progress, s.createdAt(), s.revision());
    }
}
