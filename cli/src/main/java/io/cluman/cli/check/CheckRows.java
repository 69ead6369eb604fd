package io.cluman.cli.check;

import io.cluman.cli.output.Details;
import io.cluman.cli.output.Human;
import io.cluman.cli.output.Table;
import io.cluman.model.api.CheckView;
import java.time.Instant;
import java.util.List;

/** How checks print: the {@code check ls} table and one check's details. */
final class CheckRows {
    private CheckRows() {
    }

    static Table table(List<CheckView> checks, Instant now) {
        Table table = Table.of("NAME", "TYPE", "TARGET", "EVERY", "NODE", "STATUS", "LAST-RUN");
        for (CheckView c : checks) {
            table.row(c.name(), c.type(), c.target(), c.interval(), c.nodeName() != null ? c.nodeName()
                    : c.node() != null ? c.node() : "-", c.status(), c.last() == null ? "-" : Human.ago(c.last().at(),
                    now));
        }
        return table;
    }

    static Details details(CheckView c, Instant now) {
        return new Details().add("name", c.name())
                .add("probe", c.type() + " " + c.target())
                .add("every", c.interval() + ", timeout " + c.timeout())
                .add("cluster", c.cluster())
                .add("node", c.node() == null ? "- (dangling: no node of " + c.cluster() + " may run it)"
                        : c.nodeName() + " (" + c.node() + "), since " + Human.ago(c.dispatchedAt(), now))
                .add("status", c.status())
                .add("last run", c.last() == null ? null : Human.ago(c.last().at(), now) + ", "
                        + c.last().durationMs() + " ms" + (c.last().output().isBlank() ? "" : ": "
                        + c.last().output()));
    }
}
