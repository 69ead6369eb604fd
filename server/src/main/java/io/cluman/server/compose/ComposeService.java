package io.cluman.server.compose;

import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.HealthCheckRequest;
import io.cluman.model.api.ResourceRequest;
import io.cluman.model.container.DriverName;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One service of a compose file in Cluman's terms: what each of its {@code replicas} containers runs and
 * where they may go.
 *
 * @param entrypoint  {@code entrypoint} as argv; empty: the image's (a container request's {@code command})
 * @param command     {@code command} as argv; empty: the image's (a container request's {@code args})
 * @param environment {@code env_file} entries, then {@code environment} over them
 * @param ports       {@code host:container[/udp]} mappings, as a container request takes them
 * @param dependsOn   the services this one waits for, in the order the file names them
 * @param healthcheck a {@code command} check with durations as text (interval, timeout, startPeriod);
 *                    null: not checked
 * @param restart     {@code no}, {@code always}, {@code on-failure} or {@code on-failure:N}
 * @param replicas    how many containers, 0-10000
 * @param cpus        CPU limit in cores, 0 for none
 * @param memory      memory limit in bytes, 0 for none
 * @param spread      the node label replicas are spread over ({@code placement.preferences}), or null
 * @param constraints placement: {@code zone=a}, {@code zone!=a} (node labels), {@code node.name=web-1},
 *                    {@code node.id!=n-3}
 * @param workingDir  the working directory in the container; empty: the image's
 */
public record ComposeService(String name, String image, List<String> entrypoint, List<String> command,
                             Map<String, String> environment, List<String> ports, Map<String, String> labels,
                             List<ComposeDependency> dependsOn, HealthCheckRequest healthcheck, String restart,
                             int replicas, double cpus, long memory, List<String> constraints, String workingDir,
                             String spread) {
    public ComposeService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        entrypoint = List.copyOf(entrypoint);
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        ports = List.copyOf(ports);
        labels = Map.copyOf(labels);
        dependsOn = List.copyOf(dependsOn);
        restart = restart == null ? "no" : restart;
        constraints = List.copyOf(constraints);
        workingDir = workingDir == null ? "" : workingDir;
    }

    /** The names of the services this one depends on. */
    public List<String> dependencyNames() {
        return dependsOn.stream().map(ComposeDependency::service).toList();
    }

    /**
     * The request that creates one of this service's containers (placement constraints and replicas are
     * the service's, not the container's).
     *
     * @param containerName the container's name, a DNS label such as {@code shop-web-1}
     * @param cluster       the cluster to run in; null: any eligible node
     */
    public ContainerRequest toContainerRequest(String containerName, String cluster) {
        ResourceRequest resources = cpus == 0 && memory == 0 ? null
                : new ResourceRequest(cpus == 0 ? null : cpus, memory == 0 ? null : Long.toString(memory));
        return new ContainerRequest(containerName, DriverName.DOCKER, image, entrypoint, command, null, cluster,
                environment, ports, labels, resources, restart, workingDir.isEmpty() ? null : workingDir,
                healthcheck);
    }
}
