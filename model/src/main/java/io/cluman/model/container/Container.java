package io.cluman.model.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A container as the store keeps it (desired state). The allocation is its placement: {@code allocId}
 * names one attempt to run it on {@code node}; {@code generation} grows with every change the agent
 * must act on (restart, spec change), so an agent restarts the task when the generation moves.
 *
 * @param cluster the cluster it was placed in, null when a node was named
 * @param service the service it is a replica of, null for a container run on its own
 * @param movable  a plain container the scheduler placed (in a cluster or anywhere): when its node stays off
 *                 past the lost grace it is placed again elsewhere. False for one created on a named node, for
 *                 replicas (their service re-places them) and for records written before this field existed
 *                 (absent reads as false): an old record is never moved, as before
 * @param constraints placement constraints of a plain container, enforced when it is placed again; empty for
 *                    replicas (their service holds them) and when none were given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Container(String name, ContainerSpec spec, String node, String cluster, String service, String allocId,
                        long generation, DesiredState desired, Instant createdAt, long revision, boolean movable,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> constraints) {

    public Container {
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }

    public Container withRevision(long newRevision) {
        return new Container(name, spec, node, cluster, service, allocId, generation, desired, createdAt, newRevision,
                movable, constraints);
    }

    public Container withDesired(DesiredState newDesired) {
        return new Container(name, spec, node, cluster, service, allocId, generation + 1, newDesired, createdAt,
                revision, movable, constraints);
    }

    public Container restarted() {
        return new Container(name, spec, node, cluster, service, allocId, generation + 1, DesiredState.RUNNING, createdAt,
                revision, movable, constraints);
    }

    /**
     * The same container placed again on {@code newNode} as a new allocation: the agent of the old node, finding
     * {@code allocId} gone from its assignments, stops its copy.
     */
    public Container placedAgain(String newNode, String newAllocId, Instant at) {
        return new Container(name, spec, newNode, cluster, service, newAllocId, generation + 1, desired, at, 0,
                movable, constraints);
    }
}
