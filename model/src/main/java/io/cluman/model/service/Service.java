package io.cluman.model.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cluman.model.api.ContainerRequest;
import java.time.Instant;
import java.util.List;

/**
 * A replicated service as the store keeps it (desired state): {@code replicas} containers made from one
 * {@code template}, named {@code <name>-<k>}, kept at that count by the leader's service controller.
 *
 * @param template       the container fields every replica is made of (as {@code POST /v1/containers} takes
 *                       them; its name is the service's, node and cluster are unset)
 * @param cluster        the group replicas are placed in; null: any eligible node
 * @param constraints    placement constraints, kept as written (the scheduler module will parse them)
 * @param spread         a node label whose values replicas are spread over, null: spread over nodes only
 * @param maxUnavailable how many replicas an update may take down at once (at least 1)
 * @param generation     grows with every change of the template (PUT)
 * @param held           why re-placement of lost replicas is held (too many nodes off), null when it is not
 * @param application    the compose application it belongs to, null for a service made on its own
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Service(String name, ContainerRequest template, int replicas, String cluster, List<String> constraints,
                      String spread, int maxUnavailable, long generation, String held, String application,
                      Instant createdAt, long revision) {
    /** The most replicas a service may ask for. */
    public static final int MAX_REPLICAS = 10_000;

    public Service {
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }

    /** What {@code POST /v1/containers} would take for the replica named {@code replicaName}. */
    public ContainerRequest replica(String replicaName) {
        ContainerRequest t = template;
        return new ContainerRequest(replicaName, t.driver(), t.image(), t.command(), t.args(), null, cluster, t.env(),
                t.ports(), t.labels(), t.resources(), t.restart(), t.workDir(), t.healthcheck());
    }

    public Service withRevision(long newRevision) {
        return new Service(name, template, replicas, cluster, constraints, spread, maxUnavailable, generation, held,
                application, createdAt, newRevision);
    }

    public Service withReplicas(int newReplicas) {
        return new Service(name, template, newReplicas, cluster, constraints, spread, maxUnavailable, generation, held,
                application, createdAt, revision);
    }

    public Service withHeld(String newHeld) {
        return new Service(name, template, replicas, cluster, constraints, spread, maxUnavailable, generation, newHeld,
                application, createdAt, revision);
    }

    public Service withApplication(String newApplication) {
        return new Service(name, template, replicas, cluster, constraints, spread, maxUnavailable, generation, held,
                newApplication, createdAt, revision);
    }
}
