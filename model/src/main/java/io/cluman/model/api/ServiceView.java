package io.cluman.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cluman.model.job.Progress;
import io.cluman.model.service.Deployment;
import java.time.Instant;
import java.util.List;

/**
 * A service as the API shows it: its spec, how many replicas it wants and how many run, and each replica.
 *
 * @param desired     the replicas asked for ({@code spec.replicas})
 * @param running     the replicas whose agent reports them running
 * @param held        why re-placement of lost replicas is held (too many of the cluster's nodes are off);
 *                    absent when it is not
 * @param waiting     why a replica cannot be placed now (no room); absent when it can
 * @param replicas    each replica, by container name; empty in lists
 * @param deployments the roll-outs, newest first
 * @param progress    the running deployment's replicas done of total; absent when none runs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceView(String name, ServiceRequest spec, long generation, int desired, int running, String held,
                          String waiting, List<ReplicaView> replicas, List<Deployment> deployments, Progress progress,
                          Instant createdAt, long revision) {
    public ServiceView {
        replicas = replicas == null ? List.of() : List.copyOf(replicas);
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
    }
}
