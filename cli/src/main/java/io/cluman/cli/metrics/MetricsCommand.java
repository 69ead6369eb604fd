package io.cluman.cli.metrics;

import picocli.CommandLine.Command;

/** {@code cluman metrics}: the metrics history of nodes and containers. */
@Command(name = "metrics", mixinStandardHelpOptions = true, description = "Metrics history as text plots.",
        subcommands = {MetricsNodeCommand.class, MetricsContainerCommand.class})
public final class MetricsCommand {
}
