package io.cluman.server.services;

import io.cluman.model.api.ContainerView;
import io.cluman.model.api.ScaleRequest;
import io.cluman.model.api.ServiceRequest;
import io.cluman.model.api.ServiceView;
import io.cluman.model.cluster.Cluster;
import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.model.service.AutoscalePolicy;
import io.cluman.model.service.Deployment;
import io.cluman.model.service.DeploymentState;
import io.cluman.model.service.Service;
import io.cluman.model.validation.ValidationException;
import io.cluman.server.api.ApiError;
import io.cluman.server.containers.ContainerOperations;
import io.cluman.server.events.EventBus;
import io.cluman.store.StoreException;
import io.cluman.store.repo.JsonRepository;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the service endpoints do: check the request and write the service's desired state. They never
 * place replicas: the leader's {@link ServiceController} sees the change and does.
 */
public final class ServiceOperations {
    private final JsonRepository<Service> services;
    private final JsonRepository<Cluster> clusters;
    private final ContainerOperations containers;
    private final EventBus events;
    private final DeploymentJobs deploymentJobs;
    private final InstantSource clock;
    private final JsonRepository<AutoscalePolicy> autoscalers;

    /** @param autoscalers the services' autoscale policies: an autoscaled service's count is not set by hand */
    public ServiceOperations(JsonRepository<Service> services, JsonRepository<Cluster> clusters,
                             ContainerOperations containers, EventBus events,
                             DeploymentJobs deploymentJobs, InstantSource clock,
                             JsonRepository<AutoscalePolicy> autoscalers) {
        this.autoscalers = autoscalers;
        this.services = services;
        this.clusters = clusters;
        this.containers = containers;
        this.events = events;
        this.deploymentJobs = deploymentJobs;
        this.clock = clock;
    }

    public ServiceView create(ServiceRequest request) {
        return create(prepare(request, null));
    }

    /**
     * Checks {@code request} as {@link #create(ServiceRequest)} does, writing nothing: the service to pass to
     * {@link #create(Service)}, belonging to {@code application} (null: none).
     */
    public Service prepare(ServiceRequest request, String application) {
        Service service = ServiceSpecs.build(request, 1, 1, clock.instant());
        requireCluster(service);
        return application == null ? service : service.withApplication(application);
    }

    /** Writes a service {@link #prepare} made; 409 when its name is taken. */
    public ServiceView create(Service service) {
        try {
            services.create(service.name(), service);
        } catch (StoreException.Conflict taken) {
            throw new ApiError.Conflict("service '" + service.name() + "' already exists", "name",
                    "is taken: pick another name, change it with PUT /v1/services/" + service.name()
                            + ", or remove it first");
        }
        events.info(Topic.SERVICE, Action.CREATE, "service", service.name(), "service " + service.name()
                + " created with " + service.replicas() + " replica(s)");
        return get(service.name());
    }

    /** Every service with its counts (replicas are listed by {@link #get}). */
    public List<ServiceView> list() {
        Map<String, List<ContainerView>> byService = containers.list(c -> c.service() != null).stream()
                .collect(Collectors.groupingBy(ContainerView::service));
        return services.list().stream()
                .map(s -> ServiceViews.of(s, byService.getOrDefault(s.name(), List.of()), false)).toList();
    }

    public ServiceView get(String name) {
        Service service = find(name);
        return ServiceViews.of(service, containers.list(c -> name.equals(c.service())), true);
    }

    /**
     * Replaces the spec (the count stays when the request gives none), bumps the generation and starts a
     * deployment of it (a running one ends, superseded); the leader's controller rolls the replicas.
     */
    public ServiceView replace(String name, ServiceRequest request) {
        Service current = find(name);
        if (request.name() != null && !request.name().equals(name)) {
            throw ValidationException.of("name", "is '" + request.name() + "' but the path names '" + name
                    + "': a service cannot be renamed; leave name out or make them equal");
        }
        ServiceRequest named = request.name() != null ? request : withName(request, name);
        if (named.replicas() != null && named.replicas() != current.replicas()) {
            requireNotAutoscaled(name);
        }
        Service wanted = ServiceSpecs.build(named, current.replicas(), current.generation() + 1,
                current.createdAt());
        requireCluster(wanted);
        Instant now = clock.instant();
        Service written = services.update(name, s -> s.deploy(wanted.template(), named.replicas() == null
                        ? s.replicas() : wanted.replicas(), wanted.cluster(), wanted.constraints(), wanted.spread(),
                wanted.maxUnavailable(), wanted.update(), s.running().map(d -> d.finished(DeploymentState.FAILED,
                        "superseded by generation " + (s.generation() + 1), now)).orElse(null), "spec replaced", now)
                .withPreferences(wanted.ranking(), wanted.affinities()));
        deploymentJobs.sync(written);
        Deployment started = written.deployments().getLast();
        events.info(Topic.SERVICE, Action.UPDATE, "service", name, "service " + name + " spec replaced: deployment "
                + started.id() + " of generation " + written.generation() + " started (job " + started.job() + ")");
        return get(name);
    }

    /** Lets the running deployment go on past its canaries. */
    public ServiceView promote(String name) {
        Service current = find(name);
        Deployment d = current.running().orElseThrow(() -> new ApiError.Conflict("service '" + name
                + "' has no deployment running: there is nothing to promote"));
        if (d.promoted()) {
            throw new ApiError.Conflict("deployment " + d.id() + " of service '" + name + "' has no canaries"
                    + " waiting: it is already promoted");
        }
        services.update(name, s -> s.running().filter(r -> r.id().equals(d.id()) && !r.promoted()).isPresent()
                ? s.withLastDeployment(s.running().get().promote()) : s);
        events.info(Topic.SERVICE, Action.UPDATE, "service", name, "service " + name + ": deployment " + d.id()
                + " promoted");
        return get(name);
    }


    public ServiceView scale(String name, ScaleRequest request) {
        int replicas = ServiceSpecs.replicas(request.replicas());
        int[] before = {0};
        find(name);
        requireNotAutoscaled(name);
        services.update(name, s -> {
            before[0] = s.replicas();
            return s.replicas() == replicas ? s : s.withReplicas(replicas);
        });
        if (before[0] != replicas) {
            events.info(Topic.SERVICE, Action.UPDATE, "service", name, "service " + name + " scaled from "
                    + before[0] + " to " + replicas + " replica(s)");
        }
        return get(name);
    }

    /**
     * Removes the service, then its replicas (their agents stop them). A replica the controller placed
     * in between is removed by its next pass, which removes containers of services that are gone.
     */
    public void delete(String name) {
        Service service = find(name);
        if (!services.delete(name, service.revision())) {
            throw new ApiError.Conflict("service '" + name + "' changed while being removed; try again");
        }
        for (ContainerView replica : containers.list(c -> name.equals(c.service()))) {
            try {
                containers.delete(replica.name());
            } catch (ApiError gone) {
                // removed meanwhile, or changed: the controller removes what is left of a service that is gone
            }
        }
        autoscalers.delete(name);
        events.info(Topic.SERVICE, Action.DELETE, "service", name, "service " + name + " removed");
    }

    /** 409 naming {@code replicas} when the service's count is its autoscaler's. */
    public void requireNotAutoscaled(String name) {
        autoscalers.get(name).ifPresent(p -> {
            throw new ApiError.Conflict("service '" + name + "' autoscales between " + p.min() + " and " + p.max()
                    + " replicas: its count is the autoscaler's", "replicas", "change the bounds with PUT /v1/services/"
                    + name + "/autoscale (cluman service autoscale " + name + " --min N --max M), or stop"
                    + " autoscaling with DELETE /v1/services/" + name + "/autoscale first");
        });
    }

    private void requireCluster(Service s) {
        if (s.cluster() != null && !Cluster.isSystemGroup(s.cluster()) && clusters.get(s.cluster()).isEmpty()) {
            throw ValidationException.of("cluster", "no cluster '" + s.cluster() + "': see GET /v1/clusters");
        }
    }

    private Service find(String name) {
        return services.get(name).orElseThrow(() -> new ApiError.NotFound("service", name));
    }

    private static ServiceRequest withName(ServiceRequest r, String name) {
        Objects.requireNonNull(name);
        return new ServiceRequest(name, r.driver(), r.image(), r.command(), r.args(), r.env(), r.ports(), r.labels(),
                r.resources(), r.restart(), r.workDir(), r.healthcheck(), r.replicas(), r.cluster(), r.constraints(),
                r.spread(), r.maxUnavailable(), r.update(), r.ranking(), r.affinities());
    }
}
