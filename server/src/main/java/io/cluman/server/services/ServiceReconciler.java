package io.cluman.server.services;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides what a service needs: how many replicas to create, which to remove, which lost ones to replace.
 * Pure: a snapshot in, a {@link Plan} out.
 *
 * <pre>
 *  replicas &lt; desired  → create the difference
 *  replicas &gt; desired  → remove the excess: those on off nodes first, then the newest
 *  a replica whose node has been off longer than the grace → replace it (create another, then remove it),
 *                          unless re-placement is held (too many of the cluster's nodes off)
 * </pre>
 * A replica on a node that is off for less than the grace still counts: a node that blinks moves nothing.
 */
public final class ServiceReconciler {
    private ServiceReconciler() {
    }

    /**
     * One replica as the reconciler sees it.
     *
     * @param offSince when its node went off, null while the node is on
     */
    public record Replica(String name, String node, Instant createdAt, Instant offSince) {
        boolean lost(Instant now, Duration grace) {
            return offSince != null && !offSince.plus(grace).isAfter(now);
        }
    }

    /**
     * What to do.
     *
     * @param create  how many new replicas to place
     * @param remove  replicas to remove (scale down)
     * @param replace lost replicas to replace: a new one is placed first, then the lost one removed
     * @param held    why lost replicas are not replaced now, null when they are (or there are none)
     */
    public record Plan(int create, List<String> remove, List<String> replace, String held) {
        public Plan {
            remove = List.copyOf(remove);
            replace = List.copyOf(replace);
        }

        public boolean idle() {
            return create == 0 && remove.isEmpty() && replace.isEmpty();
        }
    }

    /**
     * @param desired the replicas the service asks for
     * @param storm   why re-placement in the service's cluster is held, null when it is not
     */
    public static Plan plan(int desired, List<Replica> replicas, Instant now, Duration grace, String storm) {
        List<Replica> kept = new ArrayList<>(replicas);
        List<String> remove = new ArrayList<>();
        int excess = replicas.size() - desired;
        if (excess > 0) {
            kept.sort(Comparator.comparing((Replica r) -> r.offSince() == null)
                    .thenComparing(Replica::createdAt, Comparator.reverseOrder())
                    .thenComparing(Replica::name, Comparator.reverseOrder()));
            for (int i = 0; i < excess; i++) {
                remove.add(kept.removeFirst().name());
            }
        }
        List<String> lost = kept.stream().filter(r -> r.lost(now, grace)).map(Replica::name).sorted().toList();
        boolean hold = storm != null && !lost.isEmpty();
        return new Plan(Math.max(0, -excess), remove, hold ? List.of() : lost, hold ? storm : null);
    }
}
