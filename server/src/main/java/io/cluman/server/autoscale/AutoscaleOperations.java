package io.cluman.server.autoscale;

import io.cluman.model.api.AutoscaleRequest;
import io.cluman.model.api.AutoscaleView;
import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.model.service.AutoscalePolicy;
import io.cluman.model.service.Service;
import io.cluman.model.validation.Durations;
import io.cluman.server.api.ApiError;
import io.cluman.server.events.EventBus;
import io.cluman.store.StoreException;
import io.cluman.store.repo.JsonRepository;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code /v1/services/{name}/autoscale} and {@code /v1/autoscalers} do: set, show and remove a service's
 * autoscale policy. The leader's {@link Autoscaler} acts on what is written here.
 */
public final class AutoscaleOperations {
    private final JsonRepository<AutoscalePolicy> policies;
    private final JsonRepository<Service> services;
    private final Autoscaler autoscaler;
    private final EventBus events;
    private final InstantSource clock;

    public AutoscaleOperations(JsonRepository<AutoscalePolicy> policies, JsonRepository<Service> services,
                               Autoscaler autoscaler, EventBus events, InstantSource clock) {
        this.policies = policies;
        this.services = services;
        this.autoscaler = autoscaler;
        this.events = events;
        this.clock = clock;
    }

    /** Sets (or replaces) the policy of {@code service}; 404 without the service, 400 naming a bad field. */
    public AutoscaleView put(String service, AutoscaleRequest request) {
        Service s = findService(service);
        AutoscalePolicy wanted = AutoscaleSpecs.build(request, s, clock.instant());
        Optional<AutoscalePolicy> current = policies.get(service);
        try {
            if (current.isPresent()) {
                policies.replace(service, withCreatedAt(wanted, current.get()), current.get().revision());
            } else {
                policies.create(service, wanted);
            }
        } catch (StoreException.Conflict e) {
            throw new ApiError.Conflict("the autoscale policy of service '" + service + "' changed meanwhile;"
                    + " try again");
        }
        events.info(Topic.SERVICE, Action.UPDATE, "service", service, "service " + service + " autoscales between "
                + wanted.min() + " and " + wanted.max() + " replicas on " + wanted.metric() + ", target "
                + wanted.format(wanted.target()) + " (window " + Durations.format(wanted.window())
                + ", scale-down delay " + Durations.format(wanted.scaleDownDelay()) + ")");
        return get(service);
    }

    /** The policy of {@code service} with the last evaluation; 404 when it has none. */
    public AutoscaleView get(String service) {
        AutoscalePolicy p = policies.get(service).orElseThrow(() -> notAutoscaled(service));
        return AutoscaleSpecs.view(p, services.get(service).map(Service::replicas).orElse(0),
                autoscaler.evaluation(service).orElse(null));
    }

    /** Every policy, by service name. */
    public List<AutoscaleView> list() {
        Map<String, Integer> counts = services.list().stream()
                .collect(Collectors.toMap(Service::name, Service::replicas));
        return policies.list().stream().map(p -> AutoscaleSpecs.view(p, counts.getOrDefault(p.service(), 0),
                autoscaler.evaluation(p.service()).orElse(null))).toList();
    }

    /** Removes the policy of {@code service}: its count stays where it is; 404 when it has none. */
    public void delete(String service) {
        if (!policies.delete(service)) {
            throw notAutoscaled(service);
        }
        events.info(Topic.SERVICE, Action.UPDATE, "service", service, "service " + service
                + " no longer autoscales; its count stays as it is");
    }

    /** Whether {@code service} has a policy: its count is then the autoscaler's. */
    public Optional<AutoscalePolicy> policy(String service) {
        return policies.get(service);
    }

    private Service findService(String name) {
        return services.get(name).orElseThrow(() -> new ApiError.NotFound("service", name));
    }

    private static ApiError notAutoscaled(String service) {
        return new ApiError.NotFound("autoscale policy", service);
    }

    private static AutoscalePolicy withCreatedAt(AutoscalePolicy p, AutoscalePolicy before) {
        return new AutoscalePolicy(p.service(), p.min(), p.max(), p.metric(), p.target(), p.window(),
                p.scaleDownDelay(), before.createdAt(), 0);
    }
}
