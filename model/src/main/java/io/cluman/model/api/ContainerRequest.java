package io.cluman.model.api;

import io.cluman.model.container.DriverName;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/containers}: what to run and where (a {@code node}, or a {@code cluster} whose
 * least-loaded eligible node is chosen; neither: any eligible node).
 *
 * @param resources   {@code cpus} (cores) and {@code memory} (bytes, or a size such as {@code 512M})
 * @param healthcheck how the agent checks that it works; null: not checked
 * @param constraints placement constraints on the node's attributes and labels ({@code zone==a},
 *                    {@code node.name!=n-1}), as for services; enforced when it is placed and placed again
 */
public record ContainerRequest(String name, DriverName driver, String image, List<String> command, List<String> args,
                               String node, String cluster, Map<String, String> env, List<String> ports,
                               Map<String, String> labels, ResourceRequest resources, String restart, String workDir,
                               HealthCheckRequest healthcheck, List<String> constraints) {

    /** A request without placement constraints. */
    public ContainerRequest(String name, DriverName driver, String image, List<String> command, List<String> args,
                            String node, String cluster, Map<String, String> env, List<String> ports,
                            Map<String, String> labels, ResourceRequest resources, String restart, String workDir,
                            HealthCheckRequest healthcheck) {
        this(name, driver, image, command, args, node, cluster, env, ports, labels, resources, restart, workDir,
                healthcheck, null);
    }

    /** A request without a health check. */
    public ContainerRequest(String name, DriverName driver, String image, List<String> command, List<String> args,
                            String node, String cluster, Map<String, String> env, List<String> ports,
                            Map<String, String> labels, ResourceRequest resources, String restart, String workDir) {
        this(name, driver, image, command, args, node, cluster, env, ports, labels, resources, restart, workDir, null);
    }

    /** This request with {@code newConstraints}. */
    public ContainerRequest withConstraints(List<String> newConstraints) {
        return new ContainerRequest(name, driver, image, command, args, node, cluster, env, ports, labels, resources,
                restart, workDir, healthcheck, newConstraints);
    }
}
