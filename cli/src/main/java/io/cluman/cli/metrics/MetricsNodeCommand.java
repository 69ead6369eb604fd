package io.cluman.cli.metrics;

import io.cluman.client.ClumanClient;
import picocli.CommandLine.Command;

/** {@code cluman metrics node ID [--from 1h] [--to T] [--step 1m]}: a node's history, a text plot per series. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = "A node's cpu, memory, disk-free, load1, net-rx and net-tx history as text plots.",
        footer = {"", "Examples:", "  cluman metrics node n-k3v9x2m1qa",
            "  cluman metrics node n-k3v9x2m1qa --from 30d --step 12h"})
public final class MetricsNodeCommand extends HistoryCommand {
    public MetricsNodeCommand() {
        super(ClumanClient::nodeMetrics, "no points in this range (the node sends metrics with every heartbeat)");
    }
}
