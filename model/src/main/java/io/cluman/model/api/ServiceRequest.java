package io.cluman.model.api;

import io.cluman.model.container.DriverName;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/services} and {@code PUT /v1/services/{name}}: the fields of a container request (what
 * each replica runs) plus how many replicas, where and how spread.
 *
 * @param replicas       how many replicas, 0 to 10,000 (default 1)
 * @param cluster        the group replicas are placed in; absent: any eligible node
 * @param constraints    placement constraints such as {@code zone==a}; a bad one is a 400 naming it
 * @param spread         a node label whose values the replicas are spread over; absent: spread over nodes
 * @param maxUnavailable how many replicas a drain may take away before their replacements run (default 1; 0: never
 *                       below the count)
 * @param update         how a new spec replaces running replicas (defaults: see {@link UpdateRequest})
 */
public record ServiceRequest(String name, DriverName driver, String image, List<String> command, List<String> args,
                             Map<String, String> env, List<String> ports, Map<String, String> labels,
                             ResourceRequest resources, String restart, String workDir,
                             HealthCheckRequest healthcheck, Integer replicas, String cluster,
                             List<String> constraints, String spread, Integer maxUnavailable,
                             UpdateRequest update) {

    /** The container fields, as {@code POST /v1/containers} takes them, named after the service. */
    public ContainerRequest container() {
        return new ContainerRequest(name, driver, image, command, args, null, cluster, env, ports, labels, resources,
                restart, workDir, healthcheck);
    }

    /** The request that describes a stored template and its service settings. */
    public static ServiceRequest of(ContainerRequest t, int replicas, String cluster, List<String> constraints,
                                    String spread, int maxUnavailable, UpdateRequest update) {
        return new ServiceRequest(t.name(), t.driver(), t.image(), t.command(), t.args(), t.env(), t.ports(),
                t.labels(), t.resources(), t.restart(), t.workDir(), t.healthcheck(), replicas, cluster, constraints,
                spread, maxUnavailable, update);
    }
}
