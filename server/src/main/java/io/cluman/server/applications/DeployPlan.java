package io.cluman.server.applications;

import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ServiceRequest;
import io.cluman.model.application.Application;
import io.cluman.model.application.ApplicationDependency;
import io.cluman.model.application.ApplicationService;
import io.cluman.model.service.Service;
import io.cluman.model.validation.FieldError;
import io.cluman.model.validation.ValidationException;
import io.cluman.server.compose.ComposeApplication;
import io.cluman.server.compose.ComposeDependency;
import io.cluman.server.compose.ComposeService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Turns a parsed compose file into the services to write, checking every one before anything is written:
 * each service's container fields go through the same checks as {@code POST /v1/services}, and every error
 * of every service is reported at once, named {@code services.<name>.<field>}.
 *
 * @param services the services to write, in dependency order, each held at 0 replicas
 * @param members  the application's record of each, in the same order
 */
record DeployPlan(List<Service> services, List<ApplicationService> members) {
    /** Replicas are named {@code <app>-<service>-<k>}: the service name leaves room for {@code -<k>}. */
    static final int MAX_SERVICE_NAME = 57;

    /**
     * @param prepare checks one service request and makes the service (ServiceOperations.prepare), throwing
     *                ValidationException
     */
    static DeployPlan of(ComposeApplication app, String cluster,
                         BiFunction<ServiceRequest, String, Service> prepare) {
        List<FieldError> errors = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        List<ApplicationService> members = new ArrayList<>();
        for (ComposeService s : app.services()) {
            String name = app.name() + "-" + s.name();
            String field = "services." + s.name();
            if (name.length() > MAX_SERVICE_NAME) {
                errors.add(new FieldError(field, "makes the service name '" + name + "', " + name.length()
                        + " characters; application and service names together (with a '-') may have at most "
                        + MAX_SERVICE_NAME + ", so that replica names fit 63: shorten either"));
                continue;
            }
            try {
                services.add(prepare.apply(request(s, name, app.name(), cluster), app.name()).withReplicas(0));
                members.add(new ApplicationService(s.name(), name, s.replicas(), dependencies(s), false));
            } catch (ValidationException invalid) {
                invalid.errors().forEach(e -> errors.add(new FieldError(fieldOf(field, e.field()), e.message())));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(deduplicated(errors));
        }
        return new DeployPlan(services, members);
    }

    private static ServiceRequest request(ComposeService s, String name, String application, String cluster) {
        ContainerRequest container = s.toContainerRequest(name, cluster);
        Map<String, String> labels = new HashMap<>(container.labels() == null ? Map.of() : container.labels());
        labels.put(Application.LABEL, application);
        ContainerRequest labelled = new ContainerRequest(container.name(), container.driver(), container.image(),
                container.command(), container.args(), container.node(), container.cluster(), container.env(),
                container.ports(), labels, container.resources(), container.restart(), container.workDir(),
                container.healthcheck());
        return ServiceRequest.of(labelled, s.replicas(), cluster, s.constraints(), s.spread(), 1, null, null, null);
    }

    private static List<ApplicationDependency> dependencies(ComposeService s) {
        return s.dependsOn().stream()
                .map((ComposeDependency d) -> new ApplicationDependency(d.service(), d.condition().composeName()))
                .toList();
    }

    /** The cluster is the request's, not the service's; the rest are the service's fields in the file. */
    private static String fieldOf(String service, String field) {
        return switch (field) {
            case "cluster" -> "cluster";
            case "name" -> service;
            default -> service + "." + field;
        };
    }

    private static List<FieldError> deduplicated(List<FieldError> errors) {
        Set<FieldError> unique = new LinkedHashSet<>(errors);
        return List.copyOf(unique);
    }
}
