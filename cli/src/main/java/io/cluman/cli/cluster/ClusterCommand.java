package io.cluman.cli.cluster;

import picocli.CommandLine.Command;

/** {@code cluman cluster}: the group; without a subcommand picocli reports the missing one. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "List, create and remove clusters (node groups) and their members.",
        subcommands = {ClusterLsCommand.class, ClusterShowCommand.class, ClusterCreateCommand.class,
            ClusterRmCommand.class, ClusterAddCommand.class, ClusterRemoveCommand.class})
public final class ClusterCommand {
}
