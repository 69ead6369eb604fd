package io.cluman.store.repo;

import io.cluman.model.application.Application;
import io.cluman.model.check.Check;
import io.cluman.model.cluster.Cluster;
import io.cluman.model.container.Container;
import io.cluman.model.container.ContainerStatus;
import io.cluman.model.job.Job;
import io.cluman.model.node.Node;
import io.cluman.model.registry.Registry;
import io.cluman.model.service.AutoscalePolicy;
import io.cluman.model.service.Service;
import io.cluman.store.KvStore;

/** The typed repositories of one store, built once per process. */
public record Repositories(KvStore store, JsonRepository<Node> nodes, JsonRepository<Cluster> clusters,
                           JsonRepository<Job> jobs, JsonRepository<ApiToken> tokens,
                           JsonRepository<Container> containers, JsonRepository<ContainerStatus> containerStatus,
                           JsonRepository<Registry> registries, JsonRepository<Service> services,
                           JsonRepository<Application> applications, JsonRepository<StoredCa> pki,
                           JsonRepository<JoinToken> joinTokens, JsonRepository<AutoscalePolicy> autoscalers,
                           JsonRepository<Check> checks) {

    public static Repositories over(KvStore store) {
        return new Repositories(store,
                new JsonRepository<>(store, KeySpace.NODES, Node.class, Node::withRevision),
                new JsonRepository<>(store, KeySpace.CLUSTERS, Cluster.class, Cluster::withRevision),
                new JsonRepository<>(store, KeySpace.JOBS, Job.class, Job::withRevision),
                new JsonRepository<>(store, KeySpace.TOKENS, ApiToken.class, (t, rev) -> t),
                new JsonRepository<>(store, KeySpace.CONTAINERS, Container.class, Container::withRevision),
                new JsonRepository<>(store, KeySpace.CONTAINER_STATUS, ContainerStatus.class,
                        ContainerStatus::withRevision),
                new JsonRepository<>(store, KeySpace.REGISTRIES, Registry.class, Registry::withRevision),
                new JsonRepository<>(store, KeySpace.SERVICES, Service.class, Service::withRevision),
                new JsonRepository<>(store, KeySpace.APPLICATIONS, Application.class, Application::withRevision),
                new JsonRepository<>(store, KeySpace.PKI, StoredCa.class, (ca, rev) -> ca),
                new JsonRepository<>(store, KeySpace.JOIN_TOKENS, JoinToken.class, (t, rev) -> t),
                new JsonRepository<>(store, KeySpace.AUTOSCALERS, AutoscalePolicy.class,
                        AutoscalePolicy::withRevision),
                new JsonRepository<>(store, KeySpace.CHECKS, Check.class, Check::withRevision));
    }
}
