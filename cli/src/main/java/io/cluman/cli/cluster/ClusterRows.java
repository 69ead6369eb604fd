package io.cluman.cli.cluster;

import io.cluman.cli.output.Details;
import io.cluman.cli.output.Table;
import io.cluman.model.api.ClusterView;
import io.cluman.model.cluster.ClusterFeature;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How clusters print: the {@code cluster ls} table and the {@code cluster show} details. */
public final class ClusterRows {
    private ClusterRows() {
    }

    public static Table table(List<ClusterView> clusters) {
        Table table = Table.of("NAME", "SYSTEM", "NODES", "SELECTOR", "DESCRIPTION");
        for (ClusterView c : clusters) {
            table.row(c.name(), c.system() ? "yes" : "no", c.nodes() == null ? 0 : c.nodes().size(),
                    Details.pairs(c.selector()), c.description());
        }
        return table;
    }

    public static Details details(ClusterView c) {
        return new Details()
                .add("name", c.name())
                .add("description", c.description())
                .add("system", c.system() ? "yes" : "no")
                .add("features", c.features() == null ? null : c.features().stream()
                        .map(ClusterFeature::name).map(f -> f.toLowerCase(Locale.ROOT)).sorted()
                        .collect(Collectors.joining(", ")))
                .add("selector", c.selector())
                .add("revision", c.revision())
                .block("nodes", c.nodes() == null ? List.of() : c.nodes());
    }
}
