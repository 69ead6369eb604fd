package io.cluman.cli.service;

import io.cluman.cli.output.Details;
import io.cluman.cli.output.Human;
import io.cluman.cli.output.Table;
import io.cluman.model.api.AutoscaleView;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** How autoscale policies print: the {@code service autoscalers} table and one policy's details. */
final class AutoscaleRows {
    private AutoscaleRows() {
    }

    static Table table(List<AutoscaleView> views) {
        Table table = Table.of("SERVICE", "REPLICAS", "BOUNDS", "METRIC", "TARGET", "NOW", "DECIDED");
        for (AutoscaleView v : views) {
            table.row(v.service(), v.replicas(), v.min() + ".." + v.max(), v.metric(), value(v, v.target()),
                    v.current() == null ? "-" : value(v, v.current()), v.reason() == null ? "-" : v.reason());
        }
        return table;
    }

    static Details details(AutoscaleView v, Instant now) {
        return new Details().add("service", v.service())
                .add("replicas", v.replicas() + " (between " + v.min() + " and " + v.max() + ")")
                .add("metric", v.metric() + ", target " + value(v, v.target())
                        + ("requests".equals(v.metric()) ? " per replica" : " of the limit"))
                .add("window", v.window())
                .add("scale-down delay", v.scaleDownDelay())
                .add("load now", v.current() == null ? null : value(v, v.current()))
                .add("decided", v.reason() == null ? null : v.reason()
                        + (v.evaluatedAt() == null ? "" : " (" + Human.ago(v.evaluatedAt(), now) + ")"))
                .add("last scaled", v.scaledAt() == null ? null : Human.ago(v.scaledAt(), now));
    }

    /** A figure of the policy's metric: {@code 72%}, or {@code 12} connections for requests. */
    private static String value(AutoscaleView v, double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.0f" : "%.1f", value)
                + ("requests".equals(v.metric()) ? "" : "%");
    }
}
