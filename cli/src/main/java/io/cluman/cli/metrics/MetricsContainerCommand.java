package io.cluman.cli.metrics;

import io.cluman.client.ClumanClient;
import picocli.CommandLine.Command;

/** {@code cluman metrics container ID [--from 1h] [--to T] [--step 1m]}: a container's stats history as plots. */
@Command(name = "container", mixinStandardHelpOptions = true,
        description = "A container's cpu, memory, memory-limit, net-rx and net-tx history as text plots"
                + " (its agent samples it every 10 s while it runs).",
        footer = {"", "Examples:", "  cluman metrics container web",
            "  cluman metrics container web --from 1d --step 10m"})
public final class MetricsContainerCommand extends HistoryCommand {
    public MetricsContainerCommand() {
        super(ClumanClient::containerMetrics,
                "no points in this range (its agent sends stats every 10 s while it runs)");
    }
}
