package io.cluman.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A service as the API shows it: its spec, how many replicas it wants and how many run, and each replica.
 *
 * @param desired  the replicas asked for ({@code spec.replicas})
 * @param running  the replicas whose agent reports them running
 * @param held     why re-placement of lost replicas is held (too many of the cluster's nodes are off);
 *                 absent when it is not
 * @param replicas each replica, by container name; empty in lists
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceView(String name, ServiceRequest spec, long generation, int desired, int running, String held,
                          List<ReplicaView> replicas, Instant createdAt, long revision) {
}
