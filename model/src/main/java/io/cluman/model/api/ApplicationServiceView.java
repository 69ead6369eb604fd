package io.cluman.model.api;

import io.cluman.model.application.ApplicationDependency;
import java.util.List;

/**
 * One service of an application as the API shows it.
 *
 * @param name      its compose name ({@code web})
 * @param replicas  the replicas it runs once released
 * @param released  whether its dependencies were met (until then it is held at 0 replicas)
 * @param dependsOn what it waits for
 * @param service   the Cluman service ({@code <app>-<name>}) with its counts and replicas; null if it is gone
 */
public record ApplicationServiceView(String name, int replicas, boolean released,
                                     List<ApplicationDependency> dependsOn, ServiceView service) {
}
