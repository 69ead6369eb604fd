package io.cluman.scheduler;

/** Which nodes a request may use: a cluster, or one of the system groups {@code all} and {@code orphans}. */
public sealed interface Target {
    /** Every node, whatever its cluster (the system group {@code all}). */
    record All() implements Target {
        @Override
        public String toString() {
            return "all";
        }
    }

    /** Nodes in no cluster (the system group {@code orphans}). */
    record Orphans() implements Target {
        @Override
        public String toString() {
            return "orphans";
        }
    }

    /** Nodes of the cluster {@code name}. */
    record Cluster(String name) implements Target {
        public Cluster {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a cluster target needs a name");
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code all}, {@code orphans}, or else the cluster of that name. */
    static Target of(String group) {
        return switch (group) {
            case "all" -> new All();
            case "orphans" -> new Orphans();
            default -> new Cluster(group);
        };
    }

    /** Whether a node of {@code cluster} (empty: an orphan) is in this target. */
    default boolean includes(String cluster) {
        return switch (this) {
            case All a -> true;
            case Orphans o -> cluster.isEmpty();
            case Cluster c -> c.name().equals(cluster);
        };
    }
}
