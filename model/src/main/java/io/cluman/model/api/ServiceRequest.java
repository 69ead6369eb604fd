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
 * @param ranking        {@code binpack} (default: fullest nodes first) or {@code spread} (emptiest first)
 * @param affinities     soft preferences for nodes, each a constraint with a weight (-100..100, not 0)
 */
public record ServiceRequest(String name, DriverName driver, String image, List<String> command, List<String> args,
                             Map<String, String> env, List<String> ports, Map<String, String> labels,
                             ResourceRequest resources, String restart, String workDir,
                             HealthCheckRequest healthcheck, Integer replicas, String cluster,
                             List<String> constraints, String spread, Integer maxUnavailable,
                             UpdateRequest update, String ranking, List<AffinityRequest> affinities) {

    /** A request with the default ranking and no affinities. */
    public ServiceRequest(String name, DriverName driver, String image, List<String> command, List<String> args,
                          Map<String, String> env, List<String> ports, Map<String, String> labels,
                          ResourceRequest resources, String restart, String workDir,
                          HealthCheckRequest healthcheck, Integer replicas, String cluster,
                          List<String> constraints, String spread, Integer maxUnavailable, UpdateRequest update) {
        this(name, driver, image, command, args, env, ports, labels, resources, restart, workDir, healthcheck,
                replicas, cluster, constraints, spread, maxUnavailable, update, null, null);
    }

    /** The container fields, as {@code POST /v1/containers} takes them, named after the service. */
    public ContainerRequest container() {
        return new ContainerRequest(name, driver, image, command, args, null, cluster, env, ports, labels, resources,
                restart, workDir, healthcheck);
    }

    /** The request that describes a stored template and its service settings. */
    public static ServiceRequest of(ContainerRequest t, int replicas, String cluster, List<String> constraints,
                                    String spread, int maxUnavailable, UpdateRequest update, String ranking,
                                    List<AffinityRequest> affinities) {
        return new ServiceRequest(t.name(), t.driver(), t.image(), t.command(), t.args(), t.env(), t.ports(),
                t.labels(), t.resources(), t.restart(), t.workDir(), t.healthcheck(), replicas, cluster, constraints,
                spread, maxUnavailable, update, ranking, affinities);
    }
}
