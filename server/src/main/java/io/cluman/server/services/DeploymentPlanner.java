package io.cluman.server.services;

import io.cluman.model.container.Health;
import io.cluman.model.container.TaskState;
import io.cluman.model.service.UpdateStrategy;
import io.cluman.model.validation.Durations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides one step of moving a service's replicas: replicas of an older template (a deployment) or on a
 * node that is draining (a drain) are <em>outgoing</em>; replicas of the current template on nodes that stay
 * are <em>incoming</em>. Pure: a snapshot in, a {@link Step} out.
 *
 * <pre>
 *  create   incoming up to the count (the canaries while not promoted), at most maxParallel not yet ready
 *  remove   an outgoing replica only when a replacement stands for it:
 *             deployment: a new replica running and healthy for minHealthyTime (surge, never below the count)
 *             drain:      a replacement placed, and the ready replicas stay ≥ count − maxUnavailable
 *           outgoing replicas that are not ready go first: they take nothing away
 *  fail     (deployment only) an incoming replica exited, is unhealthy, or is not ready by healthyDeadline
 *  succeed  (deployment only) nothing outgoing, and the count of incoming replicas is ready and stable
 * </pre>
 */
public final class DeploymentPlanner {
    private DeploymentPlanner() {
    }

    /**
     * One replica as the planner sees it.
     *
     * @param current    made from the service's current template
     * @param leaving    on a node that is draining or being decommissioned
     * @param checked    its template has a health check
     * @param health     what the check says, null when not reported
     * @param readySince since when it has been running (and healthy when checked), null when it is not
     */
    public record Replica(String name, boolean current, boolean leaving, TaskState state, boolean checked,
                          Health health, Instant createdAt, Instant readySince) {
        boolean ready() {
            return readySince != null;
        }

        boolean incoming() {
            return current && !leaving;
        }
    }

    /**
     * What the service is asked for.
     *
     * @param deploying whether a deployment is running (else only leaving replicas move)
     * @param promoted  whether the running deployment's canaries were promoted (true without canary)
     */
    public record Input(int desired, int maxUnavailable, UpdateStrategy update, boolean deploying, boolean promoted,
                        List<Replica> replicas, Instant now) {
        public Input {
            replicas = List.copyOf(replicas);
        }
    }

    /** How the running deployment ends with this step, if it does. */
    public sealed interface Outcome {
        /** It goes on (or there is none). */
        record Continues() implements Outcome {
        }

        /** Every replica is new, running and healthy. */
        record Succeeded() implements Outcome {
        }

        /** A new replica failed; {@code reason} names it and how. */
        record Failed(String reason) implements Outcome {
        }
    }

    /**
     * @param create  how many replicas of the current template to place
     * @param remove  outgoing replicas to remove now
     * @param done    incoming replicas that count as done (ready, and stable in a deployment)
     * @param total   the count asked for
     * @param waiting what holds the next move (empty when nothing does)
     */
    public record Step(int create, List<String> remove, Outcome outcome, int done, int total, String waiting) {
        public Step {
            remove = List.copyOf(remove);
        }
    }

    /** Whether the planner is in charge of the service now: a deployment runs or a replica is outgoing. */
    public static boolean moving(boolean deploying, List<Replica> replicas) {
        return deploying || replicas.stream().anyMatch(r -> !r.incoming());
    }

    public static Step plan(Input in) {
        List<Replica> incoming = in.replicas().stream().filter(Replica::incoming).toList();
        List<Replica> outgoing = in.replicas().stream().filter(r -> !r.incoming()).toList();
        if (in.deploying()) {
            for (Replica r : incoming) {
                String why = failure(r, in);
                if (why != null) {
                    return new Step(0, List.of(), new Outcome.Failed(why), 0, in.desired(), "");
                }
            }
        }
        int counted = (int) incoming.stream().filter(r -> counts(r, in)).count();
        int done = Math.min(counted, in.desired());
        boolean canaryHold = in.deploying() && in.update().canary() > 0 && !in.promoted();
        int cap = canaryHold ? Math.min(in.desired(), in.update().canary()) : in.desired();
        int notReady = incoming.size() - counted;
        int create = Math.max(0, Math.min(cap - incoming.size(), in.update().maxParallel() - notReady));
        List<String> remove = canaryHold ? List.of() : removals(in, incoming.size(), counted, outgoing);
        if (in.deploying() && outgoing.isEmpty() && counted >= in.desired()) {
            return new Step(0, List.of(), new Outcome.Succeeded(), done, in.desired(), "");
        }
        String waiting = canaryHold && counted >= cap && create == 0
                ? cap + " canary replica(s) healthy: waiting for promote"
                : outgoing.size() > remove.size() && create == 0 && remove.isEmpty()
                ? (outgoing.size() - remove.size()) + " replica(s) to move: waiting for replacements to be ready"
                : "";
        return new Step(create, remove, new Outcome.Continues(), done, in.desired(), waiting);
    }

    /** Ready, and in a deployment ready for at least minHealthyTime. */
    private static boolean counts(Replica r, Input in) {
        return r.ready() && (!in.deploying() || !r.readySince().plus(in.update().minHealthyTime()).isAfter(in.now()));
    }

    private static String failure(Replica r, Input in) {
        if (r.state() == TaskState.EXITED || r.state() == TaskState.FAILED) {
            return "replica " + r.name() + " " + r.state().name().toLowerCase(java.util.Locale.ROOT);
        }
        if (r.checked() && r.health() == Health.UNHEALTHY) {
            return "replica " + r.name() + " is unhealthy";
        }
        if (!r.ready() && !r.createdAt().plus(in.update().healthyDeadline()).isAfter(in.now())) {
            return "replica " + r.name() + " not " + (r.checked() ? "healthy" : "running") + " within "
                    + Durations.format(in.update().healthyDeadline());
        }
        return null;
    }

    private static List<String> removals(Input in, int incoming, int counted, List<Replica> outgoing) {
        int maxUnavailable = in.deploying() ? 0 : in.maxUnavailable();
        int standing = (in.deploying() ? counted : incoming) + outgoing.size() - in.desired();
        int readyOut = (int) outgoing.stream().filter(Replica::ready).count();
        int available = (int) Math.min(Integer.MAX_VALUE, (long) counted + readyOut);
        List<Replica> order = new ArrayList<>(outgoing);
        order.sort(Comparator.comparing(Replica::ready).thenComparing(Replica::createdAt)
                .thenComparing(Replica::name));
        List<String> remove = new ArrayList<>();
        for (Replica r : order) {
            if (remove.size() >= standing) {
                break;
            }
            if (r.ready()) {
                if (available - 1 < in.desired() - maxUnavailable) {
                    continue;
                }
                available--;
            }
            remove.add(r.name());
        }
        return remove;
    }
}
