package io.cluman.model.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A container as the store keeps it (desired state). The allocation is its placement: {@code allocId}
 * names one attempt to run it on {@code node}; {@code generation} grows with every change the agent
 * must act on (restart, spec change), so an agent restarts the task when the generation moves.
 *
 * @param cluster the cluster it was placed in, null when a node was named
 * @param service the service it is a replica of, null for a container run on its own
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Container(String name, ContainerSpec spec, String node, String cluster, String service, String allocId,
                        long generation, DesiredState desired, Instant createdAt, long revision) {

    public Container withRevision(long newRevision) {
        return new Container(name, spec, node, cluster, service, allocId, generation, desired, createdAt, newRevision);
    }

    public Container withDesired(DesiredState newDesired) {
        return new Container(name, spec, node, cluster, service, allocId, generation + 1, newDesired, createdAt, revision);
    }

    public Container restarted() {
        return new Container(name, spec, node, cluster, service, allocId, generation + 1, DesiredState.RUNNING, createdAt,
                revision);
    }
}
