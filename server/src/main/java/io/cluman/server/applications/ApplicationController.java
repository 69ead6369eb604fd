package io.cluman.server.applications;

import io.cluman.model.api.ContainerView;
import io.cluman.model.application.Application;
import io.cluman.model.application.ApplicationService;
import io.cluman.model.application.ApplicationState;
import io.cluman.model.event.Action;
import io.cluman.model.event.Severity;
import io.cluman.model.event.Topic;
import io.cluman.model.service.Service;
import io.cluman.server.containers.ContainerOperations;
import io.cluman.server.events.EventBus;
import io.cluman.server.leader.Controller;
import io.cluman.server.leader.PassLoop;
import io.cluman.store.KvStore;
import io.cluman.store.repo.JsonRepository;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Leader-only: releases the held services of deploying applications in dependency order. Each pass reads
 * the deploying applications and their containers, asks {@link StartGate} what may start, scales those
 * services to their replicas (the service controller places them), then marks them released in the
 * application, and moves it to running (or failed). A pass runs every {@code every} and at once when an
 * application changes; one thread runs them ({@link PassLoop}).
 */
public final class ApplicationController implements Controller {
    private final KvStore store;
    private final JsonRepository<Application> applications;
    private final JsonRepository<Service> services;
    private final ContainerOperations containers;
    private final EventBus events;
    private final Duration every;
    /** What each held service ({@code app/service}) was last announced waiting for, so it is said once. */
    private final Map<String, String> announced = new HashMap<>();
    private PassLoop loop;

    public ApplicationController(KvStore store, JsonRepository<Application> applications,
                                 JsonRepository<Service> services, ContainerOperations containers, EventBus events,
                                 Duration every) {
        this.store = store;
        this.applications = applications;
        this.services = services;
        this.containers = containers;
        this.events = events;
        this.every = every;
    }

    @Override
    public void start() {
        announced.clear();
        loop = PassLoop.start(store, applications.prefix(), every, "applications", this::pass);
    }

    /** One pass over every deploying application. */
    void pass() {
        List<Application> deploying = applications.list().stream()
                .filter(a -> a.state() == ApplicationState.DEPLOYING).toList();
        if (deploying.isEmpty()) {
            return;
        }
        Map<String, List<ContainerView>> byService = containers.list(c -> c.application() != null).stream()
                .filter(c -> c.service() != null).collect(Collectors.groupingBy(ContainerView::service));
        for (Application app : deploying) {
            apply(app, StartGate.step(app, byService));
        }
    }

    private void apply(Application app, StartGate.Step step) {
        for (String name : step.release()) {
            ApplicationService s = app.services().stream().filter(m -> m.name().equals(name)).findFirst()
                    .orElseThrow();
            services.update(s.service(), svc -> svc.replicas() == s.replicas() ? svc : svc.withReplicas(s.replicas()));
            announced.remove(app.name() + "/" + name);
            events.info(Topic.LOG_APPLICATION, Action.START, "application", app.name(), "application " + app.name()
                    + ": service " + name + " started with " + s.replicas() + " replica(s)"
                    + (s.dependsOn().isEmpty() ? "" : ", its dependencies met"));
        }
        step.waiting().forEach((name, why) -> {
            if (!why.equals(announced.put(app.name() + "/" + name, why))) {
                events.info(Topic.LOG_APPLICATION, Action.UPDATE, "application", app.name(), "application "
                        + app.name() + ": service " + name + " waiting for " + why);
            }
        });
        if (step.release().isEmpty() && step.state() == ApplicationState.DEPLOYING) {
            return;
        }
        Application after = applications.update(app.name(), current -> current.state() != ApplicationState.DEPLOYING
                ? current : current.with(current.services().stream().map(m -> step.release().contains(m.name())
                        ? m.withReleased(true) : m).toList(), step.state(), step.failure()));
        if (after.state() == ApplicationState.STOPPED) {
            // stopped while this pass released services: hold them again
            step.release().forEach(name -> app.services().stream().filter(m -> m.name().equals(name))
                    .forEach(m -> services.update(m.service(), svc -> svc.withReplicas(0))));
        } else if (after.state() == ApplicationState.RUNNING && step.state() == ApplicationState.RUNNING) {
            events.info(Topic.LOG_APPLICATION, Action.UPDATE, "application", app.name(), "application "
                    + app.name() + " running: every service has its replicas up");
        } else if (after.state() == ApplicationState.FAILED && step.state() == ApplicationState.FAILED) {
            events.publish(Topic.LOG_APPLICATION, Action.DIE, Severity.ERROR, "application", app.name(),
                    "application " + app.name() + " failed: " + step.failure(), Map.of());
        }
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.close();
        }
    }
}
