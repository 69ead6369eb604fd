package io.cluman.server.applications;

import io.cluman.model.api.ContainerView;
import io.cluman.model.application.Application;
import io.cluman.model.application.ApplicationDependency;
import io.cluman.model.application.ApplicationService;
import io.cluman.model.application.ApplicationState;
import io.cluman.model.container.Health;
import io.cluman.model.container.TaskState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, for a deploying application, which held services may be released now: those whose every
 * dependency is met. Pure: the application and its services' containers in, a {@link Step} out.
 *
 * <ul>
 *   <li>{@code service_started}: the dependency is released and has its replicas running (or exited, for
 *       a one-shot);
 *   <li>{@code service_healthy}: it has its replicas running and {@code healthy};
 *   <li>{@code service_completed_successfully}: its replicas exited with code 0; one that exited otherwise,
 *       or failed, fails the application.
 * </ul>
 * A dependency with 0 replicas is met once released.
 */
final class StartGate {
    private StartGate() {
    }

    /**
     * What to do.
     *
     * @param release the services (compose names) to scale up now
     * @param waiting each held service with what it waits for
     * @param state   the application's state after this step
     * @param failure why it failed, null when it did not
     */
    record Step(List<String> release, Map<String, String> waiting, ApplicationState state, String failure) {
    }

    /** @param containers each service's containers, by service name ({@code <app>-<name>}) */
    static Step step(Application app, Map<String, List<ContainerView>> containers) {
        List<String> release = new ArrayList<>();
        Map<String, String> waiting = new LinkedHashMap<>();
        for (ApplicationService s : app.services()) {
            if (s.released()) {
                continue;
            }
            List<String> unmet = new ArrayList<>();
            for (ApplicationDependency d : s.dependsOn()) {
                ApplicationService dep = member(app, d.service());
                List<ContainerView> cs = containers.getOrDefault(dep.service(), List.of());
                String failure = failure(d, dep, cs);
                if (failure != null) {
                    return new Step(List.of(), Map.of(), ApplicationState.FAILED, failure);
                }
                String why = unmet(d, dep, cs);
                if (why != null) {
                    unmet.add(why);
                }
            }
            if (unmet.isEmpty()) {
                release.add(s.name());
            } else {
                waiting.put(s.name(), String.join("; ", unmet));
            }
        }
        boolean allUp = waiting.isEmpty() && release.isEmpty() && app.services().stream()
                .allMatch(s -> up(containers.getOrDefault(s.service(), List.of())) >= s.replicas());
        return new Step(release, waiting, allUp ? ApplicationState.RUNNING : ApplicationState.DEPLOYING, null);
    }

    /** What dependency {@code d} lacks, null when it is met. */
    private static String unmet(ApplicationDependency d, ApplicationService dep, List<ContainerView> cs) {
        if (!dep.released()) {
            return dep.name() + " (not started yet)";
        }
        long have = switch (d.condition()) {
            case ApplicationDependency.HEALTHY -> cs.stream().filter(c -> c.status() == TaskState.RUNNING
                    && c.health() == Health.HEALTHY).count();
            case ApplicationDependency.COMPLETED -> cs.stream().filter(StartGate::completed).count();
            default -> up(cs);
        };
        if (have >= dep.replicas()) {
            return null;
        }
        String what = switch (d.condition()) {
            case ApplicationDependency.HEALTHY -> "healthy";
            case ApplicationDependency.COMPLETED -> "completed successfully";
            default -> "running";
        };
        return dep.name() + " to be " + what + " (" + have + " of " + dep.replicas() + ")";
    }

    /** Why a {@code service_completed_successfully} dependency can never be met, null while it can. */
    private static String failure(ApplicationDependency d, ApplicationService dep, List<ContainerView> cs) {
        if (!ApplicationDependency.COMPLETED.equals(d.condition())) {
            return null;
        }
        return cs.stream().filter(c -> c.status() == TaskState.FAILED
                        || c.status() == TaskState.EXITED && c.exitCode() != null && c.exitCode() != 0)
                .findFirst().map(c -> "service " + dep.name() + " did not complete successfully: container "
                        + c.name() + " " + (c.status() == TaskState.FAILED ? "failed"
                        : "exited with code " + c.exitCode()))
                .orElse(null);
    }

    private static long up(List<ContainerView> cs) {
        return cs.stream().filter(c -> c.status() == TaskState.RUNNING || completed(c)).count();
    }

    private static boolean completed(ContainerView c) {
        return c.status() == TaskState.EXITED && c.exitCode() != null && c.exitCode() == 0;
    }

    private static ApplicationService member(Application app, String name) {
        return app.services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("application " + app.name() + " has no service " + name));
    }
}
