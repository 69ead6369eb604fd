package io.cluman.model.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cluman.model.api.AffinityRequest;
import io.cluman.model.api.ContainerRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A replicated service as the store keeps it (desired state): {@code replicas} containers made from one
 * {@code template}, named {@code <name>-<k>}, kept at that count by the leader's service controller.
 *
 * @param template         the container fields every replica is made of (as {@code POST /v1/containers} takes
 *                         them; its name is the service's, node and cluster are unset)
 * @param cluster          the group replicas are placed in; null: any eligible node
 * @param constraints      placement constraints as written (parsed when the service is written, enforced at placement)
 * @param spread           a node label whose values replicas are spread over, null: spread over nodes only
 * @param maxUnavailable   how many replicas a drain may take away before their replacements run (0: none)
 * @param generation       grows with every change of the spec (PUT, revert)
 * @param held             why re-placement of lost replicas is held (too many nodes off), null when it is not
 * @param update           how a new template replaces running replicas
 * @param deployments      the roll-outs, oldest first, the last {@link #HISTORY} kept
 * @param stableTemplate   the template of the last successful deployment (or of the service's creation): what
 *                         an auto-revert goes back to
 * @param stableGeneration the generation {@code stableTemplate} came from
 * @param application      the compose application it belongs to, null for a service made on its own
 * @param ranking          {@code binpack} (fullest nodes first) or {@code spread} (emptiest first)
 * @param affinities       soft node preferences, each a constraint with a weight
 * @param waiting          what holds the service's next move, null when nothing does: a replica that cannot be
 *                         placed now ({@link #NO_ROOM} and the scheduler's explanation), replacements not ready
 *                         yet, or a canary waiting for promote
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Service(String name, ContainerRequest template, int replicas, String cluster, List<String> constraints,
                      String spread, int maxUnavailable, long generation, String held, String application,
                      Instant createdAt, long revision, UpdateStrategy update, List<Deployment> deployments,
                      ContainerRequest stableTemplate, long stableGeneration, String waiting, String ranking,
                      List<AffinityRequest> affinities) {
    /** The most replicas a service may ask for. */
    public static final int MAX_REPLICAS = 10_000;
    /** How many deployments a service remembers. */
    public static final int HISTORY = 10;
    /** The default ranking: fullest nodes first. */
    public static final String BINPACK = "binpack";
    /** The other ranking: emptiest nodes first. */
    public static final String SPREAD = "spread";
    /** How {@link #waiting} starts when a replica cannot be placed: no node has room for it, or may take it. */
    public static final String NO_ROOM = "no room: ";

    public Service {
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        update = update == null ? UpdateStrategy.DEFAULT : update;
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
        stableTemplate = stableTemplate == null ? template : stableTemplate;
        stableGeneration = stableGeneration == 0 ? generation : stableGeneration;
        ranking = ranking == null ? BINPACK : ranking;
        affinities = affinities == null ? List.of() : List.copyOf(affinities);
    }

    /** A service placed with binpack and without affinities. */
    public Service(String name, ContainerRequest template, int replicas, String cluster, List<String> constraints,
                   String spread, int maxUnavailable, long generation, String held, String application,
                   Instant createdAt, long revision, UpdateStrategy update, List<Deployment> deployments,
                   ContainerRequest stableTemplate, long stableGeneration, String waiting) {
        this(name, template, replicas, cluster, constraints, spread, maxUnavailable, generation, held, application,
                createdAt, revision, update, deployments, stableTemplate, stableGeneration, waiting, null, null);
    }

    /** What {@code POST /v1/containers} would take for the replica named {@code replicaName}. */
    public ContainerRequest replica(String replicaName) {
        ContainerRequest t = template;
        return new ContainerRequest(replicaName, t.driver(), t.image(), t.command(), t.args(), null, cluster, t.env(),
                t.ports(), t.labels(), t.resources(), t.restart(), t.workDir(), t.healthcheck());
    }

    /** Whether the service waits because a replica cannot be placed (see {@link #NO_ROOM}). */
    public boolean noRoom() {
        return waiting != null && waiting.startsWith(NO_ROOM);
    }

    /** The deployment in progress, if any (only the last one can be running). */
    public Optional<Deployment> running() {
        return deployments.isEmpty() || deployments.getLast().state().isFinished() ? Optional.empty()
                : Optional.of(deployments.getLast());
    }

    public Service withRevision(long newRevision) {
        return new Service(name, template, replicas, cluster, constraints, spread, maxUnavailable, generation, held,
                application, createdAt, newRevision, update, deployments, stableTemplate, stableGeneration, waiting,
                ranking, affinities);
    }

    public Service withReplicas(int newReplicas) {
        return new Service(name, template, newReplicas, cluster, constraints, spread, maxUnavailable, generation, held,
                application, createdAt, revision, update, deployments, stableTemplate, stableGeneration, waiting,
                ranking, affinities);
    }

    public Service withHeld(String newHeld) {
        return new Service(name, template, replicas, cluster, constraints, spread, maxUnavailable, generation, newHeld,
                application, createdAt, revision, update, deployments, stableTemplate, stableGeneration, waiting,
                ranking, affinities);
    }

    public Service withApplication(String newApplication) {
        return new Service(name, template, replicas, cluster, constraints, spread, maxUnavailable, generation, held,
                newApplication, createdAt, revision, update, deployments, stableTemplate, stableGeneration, waiting,
                ranking, affinities);
    }

    public Service withWaiting(String newWaiting) {
        return new Service(name, template, replicas, cluster, constraints, spread, maxUnavailable, generation, held,
                application, createdAt, revision, update, deployments, stableTemplate, stableGeneration, newWaiting,
                ranking, affinities);
    }

    /** The service placing its replicas by {@code newRanking} and {@code newAffinities} from now on. */
    public Service withPreferences(String newRanking, List<AffinityRequest> newAffinities) {
        return new Service(name, template, replicas, cluster, constraints, spread, maxUnavailable, generation, held,
                application, createdAt, revision, update, deployments, stableTemplate, stableGeneration, waiting,
                newRanking, newAffinities);
    }

    /** The service with its last deployment replaced by {@code last}. */
    public Service withLastDeployment(Deployment last) {
        List<Deployment> all = new ArrayList<>(deployments);
        all.set(all.size() - 1, last);
        return new Service(name, template, replicas, cluster, constraints, spread, maxUnavailable, generation, held,
                application, createdAt, revision, update, all, stableTemplate, stableGeneration, waiting,
                ranking, affinities);
    }

    /** The service with {@code template} as its last good one (a deployment succeeded). */
    public Service stable() {
        return new Service(name, template, replicas, cluster, constraints, spread, maxUnavailable, generation, held,
                application, createdAt, revision, update, deployments, template, generation, waiting,
                ranking, affinities);
    }

    /**
     * The service with a new spec at the next generation and a new running deployment of it; a running one
     * ends first as {@code endRunning}.
     */
    public Service deploy(ContainerRequest newTemplate, int newReplicas, String newCluster, List<String> newConstraints,
                          String newSpread, int newMaxUnavailable, UpdateStrategy newUpdate, Deployment endRunning,
                          String reason, Instant at) {
        List<Deployment> all = new ArrayList<>(deployments);
        if (endRunning != null) {
            all.set(all.size() - 1, endRunning);
        }
        long next = generation + 1;
        all.add(new Deployment("d" + next, Deployment.jobId(name, "d" + next), next, DeploymentState.RUNNING, at, null, reason, 0, newReplicas,
                newUpdate.canary() == 0));
        List<Deployment> kept = all.subList(Math.max(0, all.size() - HISTORY), all.size());
        return new Service(name, newTemplate, newReplicas, newCluster, newConstraints, newSpread, newMaxUnavailable,
                next, held, application, createdAt, revision, newUpdate, kept, stableTemplate, stableGeneration, waiting,
                ranking, affinities);
    }
}
