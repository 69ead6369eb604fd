package io.cluman.server.applications;

import io.cluman.model.api.ApplicationRequest;
import io.cluman.model.api.ApplicationView;
import io.cluman.model.api.ScaleRequest;
import io.cluman.model.api.ServiceView;
import io.cluman.model.application.Application;
import io.cluman.model.application.ApplicationService;
import io.cluman.model.application.ApplicationState;
import io.cluman.model.application.ApplicationWarning;
import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.model.service.Service;
import io.cluman.model.validation.ValidationException;
import io.cluman.server.api.ApiError;
import io.cluman.server.compose.ComposeApplication;
import io.cluman.server.compose.ComposeException;
import io.cluman.server.compose.ComposeParser;
import io.cluman.server.compose.ComposeSource;
import io.cluman.server.events.EventBus;
import io.cluman.server.services.ServiceOperations;
import io.cluman.store.StoreException;
import io.cluman.store.repo.JsonRepository;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the application endpoints do. A deploy reads the compose file, checks every service, and only then
 * writes: the application first (its name is the lock), then its services in dependency order, each held at
 * 0 replicas; if a write fails, what was written is removed. The leader's {@link ApplicationController}
 * releases the services. Stop scales every service to 0 (the application remembers their counts); start
 * releases them again in dependency order.
 */
public final class ApplicationOperations {
    private final JsonRepository<Application> applications;
    private final JsonRepository<Service> serviceStore;
    private final ServiceOperations services;
    private final EventBus events;
    private final InstantSource clock;

    public ApplicationOperations(JsonRepository<Application> applications, JsonRepository<Service> serviceStore,
                                 ServiceOperations services, EventBus events, InstantSource clock) {
        this.applications = applications;
        this.serviceStore = serviceStore;
        this.services = services;
        this.events = events;
        this.clock = clock;
    }

    public ApplicationView deploy(ApplicationRequest request) {
        if (request.compose() == null || request.compose().isBlank()) {
            throw ValidationException.of("compose", "is required: the compose file's YAML text");
        }
        ComposeApplication app = parse(request);
        DeployPlan plan = DeployPlan.of(app, request.cluster(), services::prepare);
        requireFree(app.name(), plan);
        Application record = new Application(app.name(), request.cluster(), request.compose(),
                List.copyOf(new TreeSet<>(request.variables() == null ? List.of() : request.variables().keySet())),
                app.warnings().stream().map(w -> new ApplicationWarning(w.path(), w.message())).toList(),
                plan.members(), ApplicationState.DEPLOYING, null, clock.instant(), 0);
        try {
            applications.create(app.name(), record);
        } catch (StoreException.Conflict taken) {
            throw taken(app.name());
        }
        writeServices(app.name(), plan);
        events.info(Topic.LOG_APPLICATION, Action.CREATE, "application", app.name(), "application " + app.name()
                + " deployed: " + plan.members().size() + " service(s) ("
                + String.join(", ", plan.members().stream().map(ApplicationService::name).toList()) + "), "
                + record.warnings().size() + " warning(s)");
        return get(app.name());
    }

    public List<ApplicationView> list() {
        Map<String, ServiceView> byName = byName(services.list());
        return applications.list().stream().map(a -> ApplicationViews.of(a, byName, false)).toList();
    }

    public ApplicationView get(String name) {
        Application app = find(name);
        Map<String, ServiceView> byName = new HashMap<>();
        for (ApplicationService s : app.services()) {
            try {
                byName.put(s.service(), services.get(s.service()));
            } catch (ApiError.NotFound gone) {
                // shown without its service
            }
        }
        return ApplicationViews.of(app, byName, true);
    }

    /** Scales every service to 0; the application keeps their counts for {@link #start}. */
    public ApplicationView stop(String name) {
        requireNoneAutoscaled(find(name));
        Application stopped = applications.update(name, a -> a.with(unreleased(a), ApplicationState.STOPPED, null));
        scaleAllToZero(stopped);
        events.info(Topic.LOG_APPLICATION, Action.STOP, "application", name, "application " + name + " stopped");
        return get(name);
    }

    /** Releases the services again, in dependency order (a running or deploying application is left as is). */
    public ApplicationView start(String name) {
        Application app = find(name);
        if (app.state() == ApplicationState.RUNNING || app.state() == ApplicationState.DEPLOYING) {
            return get(name);
        }
        requireNoneAutoscaled(app);
        scaleAllToZero(app);
        applications.update(name, a -> a.with(unreleased(a), ApplicationState.DEPLOYING, null));
        events.info(Topic.LOG_APPLICATION, Action.START, "application", name, "application " + name
                + " starting: services are released in dependency order");
        return get(name);
    }

    /** Removes the application, then its services (the service controller removes their containers). */
    public void delete(String name) {
        Application app = find(name);
        if (!applications.delete(name, app.revision())) {
            throw new ApiError.Conflict("application '" + name + "' changed while being removed; try again");
        }
        for (ApplicationService s : app.services().reversed()) {
            try {
                services.delete(s.service());
            } catch (ApiError gone) {
                // removed already
            }
        }
        events.info(Topic.LOG_APPLICATION, Action.DELETE, "application", name, "application " + name
                + " removed with its " + app.services().size() + " service(s)");
    }

    private static ComposeApplication parse(ApplicationRequest request) {
        try {
            return ComposeParser.parse(new ComposeSource(request.compose(), request.name(), request.variables(),
                    request.files()));
        } catch (ComposeException e) {
            throw new ApiError.BadRequest("the compose file cannot be deployed: fix the places listed in errors"
                    + " (paths into the file)", e.errors());
        }
    }

    private void requireFree(String name, DeployPlan plan) {
        if (applications.get(name).isPresent()) {
            throw taken(name);
        }
        for (Service s : plan.services()) {
            if (serviceStore.get(s.name()).isPresent()) {
                throw new ApiError.Conflict("service '" + s.name() + "' already exists", "name",
                        "application '" + name + "' would make service '" + s.name() + "', which exists: pick"
                                + " another application name, or remove that service first");
            }
        }
    }

    private static ApiError taken(String name) {
        return new ApiError.Conflict("application '" + name + "' already exists", "name",
                "is taken: pick another name (--name), or remove it first (DELETE /v1/applications/" + name + ")");
    }

    /** Writes the services in order; on a failure removes those written and the application, and rethrows. */
    private void writeServices(String name, DeployPlan plan) {
        List<String> written = new ArrayList<>();
        try {
            for (Service s : plan.services()) {
                services.create(s);
                written.add(s.name());
            }
        } catch (RuntimeException failed) {
            for (String s : written.reversed()) {
                try {
                    services.delete(s);
                } catch (RuntimeException ignored) {
                    // the service controller removes the containers of a service that is gone
                }
            }
            applications.get(name).ifPresent(a -> applications.delete(name, a.revision()));
            throw failed;
        }
    }

    /** Stopping or starting sets every count: refused before anything changes while one is an autoscaler's. */
    private void requireNoneAutoscaled(Application app) {
        app.services().forEach(s -> services.requireNotAutoscaled(s.service()));
    }

    private void scaleAllToZero(Application app) {
        for (ApplicationService s : app.services()) {
            try {
                services.scale(s.service(), new ScaleRequest(0));
            } catch (ApiError.NotFound gone) {
                // nothing to stop
            }
        }
    }

    private static List<ApplicationService> unreleased(Application a) {
        return a.services().stream().map(s -> s.withReleased(false)).toList();
    }

    private static Map<String, ServiceView> byName(List<ServiceView> views) {
        Map<String, ServiceView> map = new HashMap<>();
        views.forEach(v -> map.put(v.name(), v));
        return map;
    }

    private Application find(String name) {
        return applications.get(name).orElseThrow(() -> new ApiError.NotFound("application", name));
    }
}
