package io.cluman.cli.metrics;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.NodeMetricsView;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cluman metrics node ID [--from 1h] [--to T] [--step 1m]}: a node's history, a text plot per series. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = "A node's cpu, memory, disk-free, load1, net-rx and net-tx history as text plots.",
        footer = {"", "Examples:", "  cluman metrics node n-k3v9x2m1qa",
            "  cluman metrics node n-k3v9x2m1qa --from 30d --step 12h"})
public final class MetricsNodeCommand extends ClientCommand {
    private static final int WIDTH = 60;

    @Parameters(index = "0", paramLabel = "ID", description = "The node's id (cluman node ls).")
    String node;

    @Option(names = "--from", paramLabel = "WHEN", description = "How long ago (1h, 30d) or an ISO-8601 instant;"
            + " default 1h.")
    String from;

    @Option(names = "--to", paramLabel = "WHEN", description = "How long ago or an instant; default now.")
    String to;

    @Option(names = "--step", paramLabel = "DURATION", description = "Bucket width; default the range / 120"
            + " (the plot shows the last 60).")
    String step;

    @Override
    protected int run(ClumanClient client, Output output) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("from", from);
        params.put("to", to);
        params.put("step", step);
        NodeMetricsView view = client.nodeMetrics(node, params);
        if (output.isJson()) {
            output.done("", view);
            return Main.OK;
        }
        output.line("node " + view.node() + ", " + view.from() + " to " + view.to() + ", step " + view.step());
        if (view.series().isEmpty()) {
            output.line("no points in this range (the node sends metrics with every heartbeat)");
        }
        view.series().forEach((name, points) -> output.line(TextPlot.line(name, points, WIDTH)));
        return Main.OK;
    }
}
