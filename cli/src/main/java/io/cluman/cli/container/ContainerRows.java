package io.cluman.cli.container;

import io.cluman.cli.output.Details;
import io.cluman.cli.output.Human;
import io.cluman.cli.output.Table;
import io.cluman.model.api.ContainerStats;
import io.cluman.model.api.ContainerView;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.HealthCheck;
import io.cluman.model.validation.Durations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** How containers print: the {@code container ls} table and the {@code container show} details. */
public final class ContainerRows {
    /** The widest IMAGE/COMMAND cell before it is cut with an ellipsis. */
    static final int WHAT_WIDTH = 40;
    private static final Pattern PLAIN = Pattern.compile("[-A-Za-z0-9_./:=@%+,]+");

    private ContainerRows() {
    }

    public static Table table(List<ContainerView> containers, Instant now) {
        Table table = Table.of("NAME", "NODE", "DRIVER", "IMAGE/COMMAND", "STATUS", "HEALTH", "DESIRED", "RESTARTS",
                "EXIT", "CREATED");
        for (ContainerView c : containers) {
            ContainerSpec s = c.spec();
            table.row(c.name(), c.node(), s == null || s.driver() == null ? null : s.driver().wireName(),
                    cut(what(s), WHAT_WIDTH), c.status(), health(c), c.desired(), c.restarts(), c.exitCode(),
                    Human.ago(c.createdAt(), now));
        }
        return table;
    }

    public static Details details(ContainerView c, Instant now) {
        ContainerSpec s = c.spec();
        Details d = new Details().add("name", c.name());
        if (c.id() != null && !c.id().equals(c.name())) {
            d.add("id", c.id());
        }
        d.add("node", c.node()).add("cluster", c.cluster())
                .add("constraints", c.constraints() == null ? null : String.join(", ", c.constraints()));
        if (c.service() != null) {
            d.add("service", c.service());
        }
        if (c.application() != null) {
            d.add("application", c.application());
        }
        if (s != null) {
            d.add("driver", s.driver() == null ? null : s.driver().wireName())
                    .add("image", s.image())
                    .add("command", commandLine(s.command()))
                    .add("args", commandLine(s.args()))
                    .block("env", env(s.env()))
                    .add("ports", String.join(", ", s.ports()))
                    .add("labels", s.labels())
                    .add("memory", s.memory() > 0 ? Human.size(s.memory()) : null)
                    .add("cpus", s.cpus() > 0 ? Human.cpus(s.cpus()) : null)
                    .add("restart", s.restart())
                    .add("workdir", s.workDir())
                    .add("healthcheck", healthcheck(s.healthcheck()));
        }
        d.add("desired", c.desired())
                .add("status", c.status())
                .add("exit code", c.exitCode())
                .add("restarts", c.restarts())
                .add("last error", c.lastError())
                .add("health", health(c))
                .add("health reason", c.healthReason())
                .add("alloc", c.allocId())
                .add("generation", c.generation())
                .add("runtime id", c.runtimeId())
                .add("created", when(c.createdAt(), now))
                .add("started", when(c.startedAt(), now))
                .add("finished", when(c.finishedAt(), now))
                .add("revision", c.revision());
        if (c.stats() != null) {
            d.add("cpu", String.format(Locale.ROOT, "%.1f%%", c.stats().cpuPercent()))
                    .add("memory used", memory(c.stats()))
                    .add("network", network(c.stats()));
        }
        if (c.statsError() != null) {
            d.add("stats", "unavailable: " + c.statsError());
        }
        return d;
    }

    /** {@code 12.0 MiB of 64.0 MiB}, or without the limit when there is none. */
    static String memory(ContainerStats s) {
        return Human.size(s.memoryBytes()) + (s.memoryLimitBytes() > 0 ? " of " + Human.size(s.memoryLimitBytes()) : "");
    }

    /** {@code rx 1.2 KiB, tx 300 B}, or {@code -} when the driver cannot tell (plain processes). */
    static String network(ContainerStats s) {
        if (s.netRxBytes() < 0 || s.netTxBytes() < 0) {
            return "-";
        }
        return "rx " + Human.size(s.netRxBytes()) + ", tx " + Human.size(s.netTxBytes());
    }

    private static String health(ContainerView c) {
        return c.health() == null ? null : c.health().wireName();
    }

    /** {@code http GET http://127.0.0.1:8080/ every 10s, timeout 5s, 3 retries}. */
    static String healthcheck(HealthCheck h) {
        if (h == null) {
            return null;
        }
        return h.type().wireName() + " " + h.target() + " every " + Durations.format(h.interval()) + ", timeout "
                + Durations.format(h.timeout()) + ", " + h.retries() + " retries"
                + (h.startPeriod().isZero() ? "" : ", start period " + Durations.format(h.startPeriod()));
    }

    /** What runs: the image (docker) or the command line (process). */
    static String what(ContainerSpec s) {
        if (s == null) {
            return null;
        }
        if (s.driver() == DriverName.PROCESS || s.image().isBlank()) {
            List<String> all = new ArrayList<>(s.command());
            all.addAll(s.args());
            return commandLine(all);
        }
        return s.image();
    }

    /** Words joined with blanks, each quoted for a POSIX shell when it needs it: {@code sh -c 'echo hi'}. */
    public static String commandLine(List<String> words) {
        return words == null ? "" : words.stream().map(ContainerRows::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    public static String cut(String text, int width) {
        if (text == null || text.length() <= width) {
            return text;
        }
        return text.substring(0, width - 3) + "...";
    }

    private static List<String> env(Map<String, String> env) {
        return env == null ? List.of() : env.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /** An ISO time and how long ago: {@code 2026-11-21T10:00:00Z (3s ago)}. */
    private static String when(Instant at, Instant now) {
        return at == null ? null : at + " (" + Human.ago(at, now) + ")";
    }
}
