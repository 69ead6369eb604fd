package io.cluman.scheduler;

/**
 * The filters of one request, in the order they are applied; {@link #refusal} names the first that refuses a
 * node, as a small code, so the hot loop allocates nothing and an explanation counts each node once:
 * <pre>
 *   off → not ACTIVE → unhealthy → target group → driver → constraints (in request order)
 *       → replica of the service already there (when distinct nodes are required)
 *       → host ports → CPU → memory
 * </pre>
 * Not thread-safe: one per request.
 */
final class Feasibility {
    static final int FITS = 0;
    private static final int OFF = 1;
    private static final int NOT_ACTIVE = 2;
    private static final int UNHEALTHY = 3;
    private static final int OUTSIDE_TARGET = 4;
    private static final int NO_DRIVER = 5;
    private static final int HAS_REPLICA = 6;
    private static final int OUT_OF_CPU = 7;
    private static final int OUT_OF_MEMORY = 8;
    private static final int FIRST_PORT = 9;

    private final Snapshot snapshot;
    private final PlacementRequest request;
    private final Allocations allocations;
    private final ReplicaCounts replicas;
    private final boolean[] hasDriver;
    private final ValueMatch[] constraints;
    private final int[] ports;
    private final int firstConstraint;

    Feasibility(Snapshot snapshot, PlacementRequest request, Allocations allocations, ReplicaCounts replicas) {
        this.snapshot = snapshot;
        this.request = request;
        this.allocations = allocations;
        this.replicas = replicas;
        this.hasDriver = request.driver().isEmpty() ? null : snapshot.driverNodes(request.driver());
        this.constraints = request.constraints().stream()
                .map(c -> new ValueMatch(c, snapshot.column(c.key()))).toArray(ValueMatch[]::new);
        this.ports = request.hostPorts().stream().mapToInt(Integer::intValue).toArray();
        this.firstConstraint = FIRST_PORT + ports.length;
    }

    /** {@link #FITS}, or the code of the first filter that refuses node {@code i}. */
    int refusal(int i) {
        NodeInfo node = snapshot.at(i);
        if (!node.on()) {
            return OFF;
        }
        if (!node.takesPlacements()) {
            return NOT_ACTIVE;
        }
        if (!node.healthy()) {
            return UNHEALTHY;
        }
        if (!request.target().includes(node.cluster())) {
            return OUTSIDE_TARGET;
        }
        if (!request.driver().isEmpty() && (hasDriver == null || !hasDriver[i])) {
            return NO_DRIVER;
        }
        for (int c = 0; c < constraints.length; c++) {
            if (!constraints[c].test(i)) {
                return firstConstraint + c;
            }
        }
        return dynamicRefusal(i);
    }

    /** What the node's allocations, which change as replicas are placed, say. */
    private int dynamicRefusal(int i) {
        if (request.distinctNodes() && replicas.on(i) > 0) {
            return HAS_REPLICA;
        }
        for (int p = 0; p < ports.length; p++) {
            if (allocations.portTaken(i, ports[p])) {
                return FIRST_PORT + p;
            }
        }
        if (!allocations.cpuFits(i, request.milliCpus())) {
            return OUT_OF_CPU;
        }
        if (!allocations.memoryFits(i, request.memory())) {
            return OUT_OF_MEMORY;
        }
        return FITS;
    }

    /** The words an explanation uses for {@code code}. */
    String reason(int code) {
        return switch (code) {
            case FITS -> "fits";
            case OFF -> "off";
            case NOT_ACTIVE -> "not ACTIVE";
            case UNHEALTHY -> "unhealthy";
            case OUTSIDE_TARGET -> switch (request.target()) {
                case Target.Orphans o -> "in a cluster";
                case Target.Cluster c -> "not in cluster " + c.name();
                case Target.All a -> "outside the target";
            };
            case NO_DRIVER -> "without driver " + request.driver();
            case HAS_REPLICA -> "already running a replica";
            case OUT_OF_CPU -> "out of cpu";
            case OUT_OF_MEMORY -> "out of memory";
            default -> code >= firstConstraint ? "constraint " + constraints[code - firstConstraint].constraint()
                    : "port " + ports[code - FIRST_PORT] + " taken";
        };
    }
}
