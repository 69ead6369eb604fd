package io.cluman.server.services;

import io.cluman.model.api.AffinityRequest;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ServiceRequest;
import io.cluman.model.service.Service;
import io.cluman.model.service.UpdateStrategy;
import io.cluman.model.validation.Validator;
import io.cluman.scheduler.constraint.ConstraintParser;
import io.cluman.server.containers.SpecBuilder;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a service request field by field and turns it into a {@link Service}. The container fields are
 * checked by {@link SpecBuilder}, as for {@code POST /v1/containers}, the constraints by the scheduler's
 * {@link ConstraintParser}; every error, of any kind, is reported at once. Pure.
 */
final class ServiceSpecs {
    /** A replica is named {@code <service>-<k>}, k five characters: the name leaves room for them in 63. */
    static final int MAX_NAME = 63 - 1 - ReplicaNames.SUFFIX_LENGTH;
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_./]{0,61}[A-Za-z0-9])?");

    private ServiceSpecs() {
    }

    /**
     * The service {@code r} asks for.
     *
     * @param replicasIfAbsent the count when {@code r} gives none (1 for a new service, the current one for
     *                         a replaced spec)
     */
    static Service build(ServiceRequest r, int replicasIfAbsent, long generation, Instant createdAt) {
        Validator v = new Validator();
        v.check(r.name() == null || r.name().length() <= MAX_NAME, "name",
                "is too long: at most " + MAX_NAME + " characters, so that replica names (<name>-<k>) fit 63");
        int replicas = r.replicas() == null ? replicasIfAbsent : r.replicas();
        v.check(replicas >= 0 && replicas <= Service.MAX_REPLICAS, "replicas",
                "must be between 0 and " + String.format("%,d", Service.MAX_REPLICAS) + ", was " + replicas);
        int maxUnavailable = r.maxUnavailable() == null ? 1 : r.maxUnavailable();
        v.check(maxUnavailable >= 0 && maxUnavailable <= Service.MAX_REPLICAS, "maxUnavailable",
                "must be between 0 (a drain never takes the service below its count) and "
                        + Service.MAX_REPLICAS + ", was " + maxUnavailable);
        UpdateStrategy update = UpdateSpecs.build(r.update(), Math.max(0, replicas), v);
        List<String> constraints = SpecBuilder.constraints("constraints", r.constraints(), v);
        v.check(r.spread() == null || LABEL_KEY.matcher(r.spread()).matches(), "spread",
                "'" + r.spread() + "' is not a label name: use 1-63 letters, digits, '-', '_', '.', '/'");
        String ranking = r.ranking() == null ? Service.BINPACK : r.ranking().strip();
        v.check(ranking.equals(Service.BINPACK) || ranking.equals(Service.SPREAD), "ranking",
                "'" + r.ranking() + "' is not a ranking: use binpack (fullest nodes first, the default) or spread"
                        + " (emptiest first)");
        List<AffinityRequest> affinities = ServiceAffinities.check(r.affinities(), v);
        ContainerRequest container = r.container();
        SpecBuilder.build(container, v);
        ContainerRequest template = new ContainerRequest(r.name(), r.driver(), r.image(), r.command(), r.args(),
                null, null, r.env(), r.ports(), r.labels(), r.resources(), r.restart(), r.workDir(), r.healthcheck());
        return new Service(r.name(), template, replicas, r.cluster(), constraints,
                r.spread(), maxUnavailable, generation, null, null, createdAt, 0, update, List.of(), template,
                generation, null, ranking, affinities);
    }

    /** Checks the count of {@code POST /v1/services/{name}/scale}. */
    static int replicas(Integer replicas) {
        Validator v = new Validator().required("replicas", replicas);
        if (replicas != null) {
            v.check(replicas >= 0 && replicas <= Service.MAX_REPLICAS, "replicas",
                    "must be between 0 and " + String.format("%,d", Service.MAX_REPLICAS) + ", was " + replicas);
        }
        v.throwIfInvalid();
        return replicas;
    }
}
