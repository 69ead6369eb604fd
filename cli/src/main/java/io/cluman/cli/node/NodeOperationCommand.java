package io.cluman.cli.node;

import io.cluman.cli.job.JobOutcome;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.node.NodeOperation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cluman node commission|drain|decommission|upgrade ID [--wait]}: one lifecycle operation, run as a job. */
public abstract class NodeOperationCommand extends ClientCommand {
    @Parameters(paramLabel = "ID", description = "Node id.")
    String id;

    @Option(names = "--wait", description = {"Follow the job to its end: a progress bar on stderr, then a one-line",
        "summary; exit 1 if it fails."})
    boolean wait;

    abstract NodeOperation operation();

    @Override
    protected int run(ClumanClient client, Output output) {
        return JobOutcome.report(client, output, err(), client.operate(id, operation()), wait);
    }

    @Command(name = "commission", mixinStandardHelpOptions = true,
            description = "Commission a node: make it ACTIVE so work can be placed on it.")
    public static final class Commission extends NodeOperationCommand {
        @Override
        NodeOperation operation() {
            return NodeOperation.COMMISSION;
        }
    }

    @Command(name = "drain", mixinStandardHelpOptions = true,
            description = "Drain a node: move its work elsewhere and place nothing new on it.")
    public static final class Drain extends NodeOperationCommand {
        @Override
        NodeOperation operation() {
            return NodeOperation.DRAIN;
        }
    }

    @Command(name = "decommission", mixinStandardHelpOptions = true,
            description = "Decommission a node: drain it and take it out of service.")
    public static final class Decommission extends NodeOperationCommand {
        @Override
        NodeOperation operation() {
            return NodeOperation.DECOMMISSION;
        }
    }

    @Command(name = "upgrade", mixinStandardHelpOptions = true,
            description = "Upgrade a node's agent: drain, upgrade, bring it back.")
    public static final class Upgrade extends NodeOperationCommand {
        @Override
        NodeOperation operation() {
            return NodeOperation.UPGRADE;
        }
    }
}
