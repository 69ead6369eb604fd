package io.cluman.server.services;

import io.cluman.model.api.AffinityRequest;
import io.cluman.model.validation.Validator;
import io.cluman.scheduler.Affinity;
import io.cluman.scheduler.constraint.ConstraintParser;
import io.cluman.server.containers.SpecBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's affinities: checked field by field when the service is written ({@code affinities[i].constraint},
 * {@code affinities[i].weight}), turned into the scheduler's {@link Affinity} when its replicas are placed.
 */
final class ServiceAffinities {
    /** The most affinities a service may have: each is scored on every candidate node. */
    static final int MAX = 16;

    private ServiceAffinities() {
    }

    /** The affinities of a request, stripped; their errors go to {@code v}. */
    static List<AffinityRequest> check(List<AffinityRequest> requested, Validator v) {
        if (requested == null) {
            return List.of();
        }
        v.check(requested.size() <= MAX, "affinities", "has " + requested.size() + " entries: at most " + MAX);
        List<AffinityRequest> checked = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            AffinityRequest a = requested.get(i);
            String field = "affinities[" + i + "]";
            if (a == null) {
                v.check(false, field, "is null: write {\"constraint\": \"zone==a\", \"weight\": 50}");
                continue;
            }
            boolean written = a.constraint() != null && !a.constraint().isBlank();
            v.check(written, field + ".constraint", "is missing: a node expression such as 'zone==a'");
            if (written) {
                SpecBuilder.constraint(a.constraint(), field + ".constraint", v);
            }
            v.check(a.weight() != null && a.weight() != 0 && a.weight() >= -100 && a.weight() <= 100,
                    field + ".weight", "must be 1 to 100 (prefer) or -100 to -1 (avoid), was " + a.weight());
            checked.add(new AffinityRequest(written ? a.constraint().strip() : a.constraint(), a.weight()));
        }
        return checked;
    }

    /** The scheduler's affinities for stored (checked) ones. */
    static List<Affinity> toScheduler(List<AffinityRequest> affinities) {
        return affinities.stream().map(a -> new Affinity(ConstraintParser.parse(a.constraint()), a.weight())).toList();
    }
}
