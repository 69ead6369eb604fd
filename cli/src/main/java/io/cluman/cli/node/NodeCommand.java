package io.cluman.cli.node;

import picocli.CommandLine.Command;

/** {@code cluman node}: the group; without a subcommand picocli reports the missing one. */
@Command(name = "node", mixinStandardHelpOptions = true, description = "List, show, label and operate nodes.",
        subcommands = {
            NodeLsCommand.class, NodeShowCommand.class,
            NodeOperationCommand.Commission.class, NodeOperationCommand.Drain.class,
            NodeOperationCommand.Decommission.class, NodeOperationCommand.Upgrade.class,
            NodeLabelCommand.class, NodeRmCommand.class, NodeBatchCommand.class, NodeUnmanagedCommand.class})
public final class NodeCommand {
}
