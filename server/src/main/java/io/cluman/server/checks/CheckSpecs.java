package io.cluman.server.checks;

import io.cluman.model.api.CheckRequest;
import io.cluman.model.check.Check;
import io.cluman.model.cluster.Cluster;
import io.cluman.model.validation.Durations;
import io.cluman.model.validation.Validator;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a check request field by field and turns it into a {@link Check} with defaults filled. Pure. */
final class CheckSpecs {
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration LEAST = Duration.ofSeconds(1);
    private static final Duration MOST = Duration.ofHours(1);
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9.-]+):(\\d{1,5})");

    private CheckSpecs() {
    }

    /**
     * The check {@code r} asks for; a ValidationException naming every bad field otherwise.
     *
     * @param clusterExists whether a user cluster of that name exists ({@code all} and {@code orphans} always do)
     */
    static Check build(CheckRequest r, Instant createdAt, Predicate<String> clusterExists) {
        Validator v = new Validator().dnsLabel("name", r.name()).required("type", r.type())
                .required("target", r.target());
        String type = r.type() == null ? null : r.type().strip().toLowerCase(Locale.ROOT);
        if (type != null) {
            v.check(type.equals(Check.HTTP) || type.equals(Check.TCP), "type", "'" + r.type() + "' is not a check"
                    + " type: use http (passes on a 2xx or 3xx answer) or tcp (passes when a connection opens)");
        }
        String target = r.target() == null ? null : r.target().strip();
        if (target != null && Check.HTTP.equals(type)) {
            v.check(isHttpUrl(target), "target", "'" + target + "' is not an http:// or https:// URL with a host,"
                    + " e.g. http://db.internal:8080/health");
        } else if (target != null && Check.TCP.equals(type)) {
            Matcher m = HOST_PORT.matcher(target);
            v.check(m.matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 65535,
                    "target", "'" + target + "' is not host:port with a port 1-65535, e.g. db.internal:5432");
        }
        Duration interval = duration("interval", r.interval(), DEFAULT_INTERVAL, v);
        Duration timeout = duration("timeout", r.timeout(), DEFAULT_TIMEOUT, v);
        v.check(timeout.compareTo(interval) <= 0, "timeout", Durations.format(timeout) + " is longer than the"
                + " interval " + Durations.format(interval) + ": a run must end before the next one starts");
        String cluster = r.cluster() == null || r.cluster().isBlank() ? Cluster.ALL : r.cluster().strip();
        v.check(Cluster.isSystemGroup(cluster) || clusterExists.test(cluster), "cluster", "no cluster '" + cluster
                + "': see GET /v1/clusters (all: any node)");
        v.throwIfInvalid();
        return new Check(r.name(), type, target, interval, timeout, cluster, null, null, createdAt, 0);
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Duration duration(String field, String text, Duration fallback, Validator v) {
        if (text == null) {
            return fallback;
        }
        try {
            Duration d = Durations.parse(text);
            v.check(d.compareTo(LEAST) >= 0 && d.compareTo(MOST) <= 0, field, "'" + text + "' must be between 1s"
                    + " and 1h");
            return d;
        } catch (IllegalArgumentException e) {
            v.add(field, e.getMessage() + " (write e.g. 10s, 1m)");
            return fallback;
        }
    }
}
