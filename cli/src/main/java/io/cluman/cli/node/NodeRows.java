package io.cluman.cli.node;

import io.cluman.cli.output.Details;
import io.cluman.cli.output.Human;
import io.cluman.cli.output.Table;
import io.cluman.model.api.NodeView;
import io.cluman.model.api.Resources;
import io.cluman.model.node.Disk;
import io.cluman.model.node.DriverHealth;
import io.cluman.model.node.NodeFacts;
import io.cluman.model.node.NodeMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How nodes print: the {@code node ls} table and the {@code node show} details. */
public final class NodeRows {
    private NodeRows() {
    }

    public static Table table(List<NodeView> nodes, Instant now) {
        Table table = Table.of("ID", "NAME", "STATE", "ON", "HEALTHY", "CLUSTER", "ADDRESS", "CPUS", "MEMORY",
                "LAST-HEARTBEAT");
        for (NodeView n : nodes) {
            Resources r = n.resources();
            table.row(n.id(), n.name(), n.state(), yesNo(n.on()), yesNo(n.healthy()), n.cluster(), n.address(),
                    r == null ? null : Human.cpus(r.cpus()), r == null ? null : Human.size(r.memory()),
                    Human.ago(n.lastHeartbeat(), now));
        }
        return table;
    }

    public static Details details(NodeView n, Instant now) {
        Details d = new Details()
                .add("id", n.id())
                .add("name", n.name())
                .add("address", n.address())
                .add("state", n.state())
                .add("on", yesNo(n.on()))
                .add("healthy", yesNo(n.healthy()) + (blank(n.healthReason()) ? "" : " (" + n.healthReason() + ")"))
                .add("cluster", n.cluster())
                .add("membership", n.membership() == null ? null : n.membership().name().toLowerCase(Locale.ROOT))
                .add("labels", n.labels())
                .add("resources", resources(n.resources()))
                .add("allocated", resources(n.allocated()))
                .add("drivers", n.drivers() == null ? null : String.join(", ", n.drivers()))
                .block("driver health", driverHealth(n.driverHealth()))
                .add("last heartbeat", n.lastHeartbeat() == null ? null
                        : n.lastHeartbeat() + " (" + Human.ago(n.lastHeartbeat(), now) + ")")
                .add("agent version", n.agentVersion());
        facts(d, n.facts());
        metrics(d, n.metrics());
        return d.add("revision", n.revision());
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String resources(Resources r) {
        return r == null ? null : Human.cpus(r.cpus()) + " cpus, " + Human.size(r.memory());
    }

    private static List<String> driverHealth(Map<String, DriverHealth> health) {
        List<String> lines = new ArrayList<>();
        if (health != null) {
            health.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> lines.add(e.getKey() + "  "
                    + (e.getValue().healthy() ? "healthy" : "unhealthy")
                    + (e.getValue().detail().isBlank() ? "" : "  " + e.getValue().detail())));
        }
        return lines;
    }

    private static void facts(Details d, NodeFacts f) {
        if (f == null) {
            return;
        }
        d.add("hostname", f.hostname()).add("os", f.os()).add("addresses", String.join(", ", f.addresses()));
        d.block("disks", f.disks().stream().map(NodeRows::disk).toList());
    }

    private static String disk(Disk disk) {
        return disk.mount() + "  " + Human.size(disk.totalBytes());
    }

    private static void metrics(Details d, NodeMetrics m) {
        if (m == null) {
            return;
        }
        d.add("cpu", String.format(Locale.ROOT, "%.1f%%", m.cpuPercent()))
                .add("memory used", Human.size(m.memoryUsedBytes()) + " of " + Human.size(m.memoryTotalBytes()))
                .add("disk free", Human.size(m.diskFreeBytes()) + " of " + Human.size(m.diskTotalBytes())
                        + " (" + Human.percent(m.diskFreeRatio()) + ")")
                .add("load", String.format(Locale.ROOT, "%.2f %.2f %.2f", m.load1(), m.load5(), m.load15()))
                .add("metrics at", m.at());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
