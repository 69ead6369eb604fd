package io.cluman.server.autoscale;

import io.cluman.model.api.AutoscaleRequest;
import io.cluman.model.api.AutoscaleView;
import io.cluman.model.api.ResourceRequest;
import io.cluman.model.service.AutoscalePolicy;
import io.cluman.model.service.Service;
import io.cluman.model.validation.Durations;
import io.cluman.model.validation.Sizes;
import io.cluman.model.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Checks an autoscale request field by field against its service and turns it into a policy with defaults
 * filled; every error names its field and says what would be accepted. Pure.
 */
final class AutoscaleSpecs {
    private static final Duration MIN_WINDOW = Duration.ofSeconds(10);
    private static final Duration MAX_WINDOW = Duration.ofMinutes(30);
    private static final Duration MAX_DELAY = Duration.ofHours(24);

    private AutoscaleSpecs() {
    }

    /** The policy {@code r} asks for on {@code service}; a ValidationException with every error otherwise. */
    static AutoscalePolicy build(AutoscaleRequest r, Service service, Instant createdAt) {
        Validator v = new Validator().required("min", r.min()).required("max", r.max()).required("metric", r.metric())
                .required("target", r.target());
        int limit = Service.MAX_REPLICAS;
        if (r.min() != null) {
            v.check(r.min() >= 1 && r.min() <= limit, "min", "must be between 1 and " + limit + ", was " + r.min()
                    + " (a service at 0 replicas has no load to measure)");
        }
        if (r.max() != null) {
            v.check(r.max() >= 1 && r.max() <= limit, "max", "must be between 1 and " + limit + ", was " + r.max());
            v.check(r.min() == null || r.max() >= r.min(), "max", "is " + r.max() + ", less than min " + r.min());
        }
        String metric = r.metric() == null ? null : r.metric().strip();
        if (metric != null) {
            boolean known = metric.equals(AutoscalePolicy.CPU) || metric.equals(AutoscalePolicy.MEMORY)
                    || metric.equals(AutoscalePolicy.REQUESTS);
            v.check(known, "metric", "'" + r.metric() + "' is not a metric: use cpu (% of each replica's CPU limit,"
                    + " or of one core), memory (% of each replica's memory limit) or requests (connections open to"
                    + " each replica's published ports)");
            v.check(!AutoscalePolicy.REQUESTS.equals(metric) || publishesTcp(service), "metric",
                    "requests counts connections to the replicas' published TCP ports, and the service publishes"
                            + " none: give it ports (e.g. 8080) first, or scale on cpu");
            v.check(!AutoscalePolicy.MEMORY.equals(metric) || memoryLimit(service) > 0, "metric",
                    "memory needs a memory limit to take a share of: give the service resources.memory (e.g. 256M)"
                            + " first, or scale on cpu");
        }
        if (r.target() != null) {
            double most = AutoscalePolicy.MEMORY.equals(metric) ? 100
                    : AutoscalePolicy.REQUESTS.equals(metric) ? 100_000 : 1000;
            v.check(r.target() >= 1 && r.target() <= most, "target", "must be between 1 and " + (int) most
                    + (AutoscalePolicy.REQUESTS.equals(metric) ? " connections per replica" : " (%)") + ", was "
                    + r.target());
        }
        Duration window = duration("window", r.window(), AutoscalePolicy.DEFAULT_WINDOW, MIN_WINDOW, MAX_WINDOW, v);
        Duration delay = duration("scaleDownDelay", r.scaleDownDelay(), AutoscalePolicy.DEFAULT_SCALE_DOWN_DELAY,
                Duration.ZERO, MAX_DELAY, v);
        v.throwIfInvalid();
        return new AutoscalePolicy(service.name(), r.min(), r.max(), metric, r.target(), window, delay, createdAt, 0);
    }

    /** The memory limit of the service's replicas in bytes, 0 when its template sets none. */
    static long memoryLimit(Service service) {
        ResourceRequest resources = service.template().resources();
        if (resources == null || resources.memory() == null) {
            return 0;
        }
        try {
            return Sizes.parse(resources.memory());
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private static boolean publishesTcp(Service service) {
        List<String> ports = service.template().ports() == null ? List.of() : service.template().ports();
        return ports.stream().anyMatch(p -> p != null && !p.strip().toLowerCase(Locale.ROOT).endsWith("/udp"));
    }

    /** {@code policy} as the API shows it, with the last evaluation, if any. */
    static AutoscaleView view(AutoscalePolicy p, int replicas, Evaluation last) {
        return new AutoscaleView(p.service(), p.min(), p.max(), p.metric(), p.target(), Durations.format(p.window()),
                Durations.format(p.scaleDownDelay()), replicas, last == null ? null : last.average(),
                last == null ? null : last.recommended(), last == null ? null : last.reason(),
                last == null ? null : last.at(), last == null ? null : last.scaledAt());
    }

    private static Duration duration(String field, String text, Duration fallback, Duration least, Duration most,
                                     Validator v) {
        if (text == null) {
            return fallback;
        }
        try {
            Duration d = Durations.parse(text);
            v.check(d.compareTo(least) >= 0 && d.compareTo(most) <= 0, field, "'" + text + "' must be between "
                    + Durations.format(least) + " and " + Durations.format(most));
            return d;
        } catch (IllegalArgumentException e) {
            v.add(field, e.getMessage() + " (write e.g. 30s, 1m, 5m)");
            return fallback;
        }
    }
}
