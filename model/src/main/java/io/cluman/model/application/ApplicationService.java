package io.cluman.model.application;

import java.util.List;

/**
 * One service of an application.
 *
 * @param name      the compose name, {@code web}
 * @param service   the Cluman service, {@code <app>-<name>}
 * @param replicas  the replicas it runs once released (remembered while the application is stopped)
 * @param dependsOn what it waits for before it is released
 * @param released  whether its dependencies were met and it was scaled to {@code replicas}; while not, the
 *                  service is held at 0 replicas
 */
public record ApplicationService(String name, String service, int replicas, List<ApplicationDependency> dependsOn,
                                 boolean released) {
    public ApplicationService {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    public ApplicationService withReleased(boolean newReleased) {
        return new ApplicationService(name, service, replicas, dependsOn, newReleased);
    }
}
