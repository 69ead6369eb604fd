package io.cluman.scheduler;

import io.cluman.scheduler.constraint.Constraint;
import java.util.List;
import java.util.Map;

/**
 * What to place: {@code replicas} new replicas of {@code service}, each needing {@code milliCpus},
 * {@code memory} and {@code hostPorts}, on a node of {@code target} that has {@code driver} and satisfies every
 * constraint. Build one with {@link #builder}.
 *
 * @param driver         the driver the replicas run on ({@code docker}, {@code process}); empty: any node
 * @param ranking        binpack (the default) or spread
 * @param affinities     soft preferences, added to the score by weight
 * @param spreadLabel    a label (or attribute) whose values the service's replicas are balanced over, such as
 *                       {@code zone}; empty: none
 * @param distinctNodes  at most one replica of the service per node; always so when {@code hostPorts} are
 *                       asked for. Otherwise distinct nodes are only preferred.
 * @param existing       replicas of the service already placed, per node id (they count for anti-affinity
 *                       and spread; their resources are already in the snapshot)
 */
public record PlacementRequest(String service, int replicas, long milliCpus, long memory, String driver,
                               List<Integer> hostPorts, Target target, List<Constraint> constraints, Ranking ranking,
                               List<Affinity> affinities, String spreadLabel, boolean distinctNodes,
                               Map<String, Integer> existing) {
    public PlacementRequest {
        if (replicas < 0 || milliCpus < 0 || memory < 0) {
            throw new IllegalArgumentException("replicas, cpus and memory cannot be negative");
        }
        service = service == null ? "" : service;
        driver = driver == null ? "" : driver;
        hostPorts = List.copyOf(hostPorts);
        constraints = List.copyOf(constraints);
        affinities = List.copyOf(affinities);
        spreadLabel = spreadLabel == null ? "" : spreadLabel;
        existing = Map.copyOf(existing);
        target = target == null ? new Target.All() : target;
        ranking = ranking == null ? Ranking.BINPACK : ranking;
        distinctNodes = distinctNodes || !hostPorts.isEmpty();
    }

    public static Builder builder(String service, int replicas) {
        return new Builder(service, replicas);
    }

    /** The same request for {@code n} replicas. */
    public PlacementRequest withReplicas(int n) {
        return new PlacementRequest(service, n, milliCpus, memory, driver, hostPorts, target, constraints, ranking,
                affinities, spreadLabel, distinctNodes, existing);
    }

    /** Collects a request's fields; everything but the service and count is optional. */
    public static final class Builder {
        private final String service;
        private final int replicas;
        private long milliCpus;
        private long memory;
        private String driver = "";
        private List<Integer> hostPorts = List.of();
        private Target target = new Target.All();
        private List<Constraint> constraints = List.of();
        private Ranking ranking = Ranking.BINPACK;
        private List<Affinity> affinities = List.of();
        private String spreadLabel = "";
        private boolean distinctNodes;
        private Map<String, Integer> existing = Map.of();

        private Builder(String service, int replicas) {
            this.service = service;
            this.replicas = replicas;
        }

        /** CPU per replica in cores (rounded to thousandths). */
        public Builder cpus(double cores) {
            this.milliCpus = Math.round(cores * 1000);
            return this;
        }

        public Builder milliCpus(long value) {
            this.milliCpus = value;
            return this;
        }

        /** Memory per replica in bytes. */
        public Builder memory(long bytes) {
            this.memory = bytes;
            return this;
        }

        public Builder driver(String value) {
            this.driver = value;
            return this;
        }

        public Builder hostPorts(List<Integer> value) {
            this.hostPorts = value;
            return this;
        }

        public Builder target(Target value) {
            this.target = value;
            return this;
        }

        public Builder constraints(List<Constraint> value) {
            this.constraints = value;
            return this;
        }

        public Builder ranking(Ranking value) {
            this.ranking = value;
            return this;
        }

        public Builder affinities(List<Affinity> value) {
            this.affinities = value;
            return this;
        }

        public Builder spreadLabel(String value) {
            this.spreadLabel = value;
            return this;
        }

        public Builder distinctNodes(boolean value) {
            this.distinctNodes = value;
            return this;
        }

        public Builder existing(Map<String, Integer> value) {
            this.existing = value;
            return this;
        }

        public PlacementRequest build() {
            return new PlacementRequest(service, replicas, milliCpus, memory, driver, hostPorts, target, constraints,
                    ranking, affinities, spreadLabel, distinctNodes, existing);
        }
    }
}
