package io.cluman.server.services;

import io.cluman.model.api.UpdateRequest;
import io.cluman.model.service.UpdateStrategy;
import io.cluman.model.validation.Durations;
import io.cluman.model.validation.Validator;
import java.time.Duration;

/** Checks a service's {@code update} field by field and fills the defaults. Pure. */
final class UpdateSpecs {
    private static final Duration MAX = Duration.ofHours(24);

    private UpdateSpecs() {
    }

    /** The strategy {@code r} asks for; errors go to {@code v} (the returned value is then meaningless). */
    static UpdateStrategy build(UpdateRequest r, int replicas, Validator v) {
        if (r == null) {
            return UpdateStrategy.DEFAULT;
        }
        UpdateStrategy d = UpdateStrategy.DEFAULT;
        int maxParallel = r.maxParallel() == null ? d.maxParallel() : r.maxParallel();
        v.check(maxParallel >= 1, "update.maxParallel", "must be at least 1 (new replicas started at once), was "
                + maxParallel);
        int canary = r.canary() == null ? d.canary() : r.canary();
        v.check(canary >= 0 && canary <= replicas, "update.canary", "must be between 0 and the replicas ("
                + replicas + "), was " + canary);
        Duration minHealthy = duration("update.minHealthyTime", r.minHealthyTime(), d.minHealthyTime(), v);
        Duration deadline = duration("update.healthyDeadline", r.healthyDeadline(), d.healthyDeadline(), v);
        if (minHealthy != null && deadline != null) {
            v.check(deadline.compareTo(minHealthy) > 0, "update.healthyDeadline", Durations.format(deadline)
                    + " is not longer than update.minHealthyTime " + Durations.format(minHealthy)
                    + ": a replica could never be healthy in time; raise the deadline");
        }
        boolean autoRevert = r.autoRevert() != null && r.autoRevert();
        return new UpdateStrategy(maxParallel, minHealthy == null ? d.minHealthyTime() : minHealthy,
                deadline == null ? d.healthyDeadline() : deadline, autoRevert, canary);
    }

    /** The request that describes a stored strategy (durations as text). */
    static UpdateRequest request(UpdateStrategy u) {
        return new UpdateRequest(u.maxParallel(), Durations.format(u.minHealthyTime()),
                Durations.format(u.healthyDeadline()), u.autoRevert(), u.canary());
    }

    private static Duration duration(String field, String text, Duration fallback, Validator v) {
        if (text == null) {
            return fallback;
        }
        try {
            Duration parsed = Durations.parse(text);
            if (parsed.compareTo(MAX) > 0) {
                v.add(field, "'" + text + "' is too long: at most 24h");
                return null;
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            v.add(field, e.getMessage() + " (write e.g. 5s, 500ms, 1m)");
            return null;
        }
    }
}
