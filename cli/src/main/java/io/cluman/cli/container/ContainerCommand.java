package io.cluman.cli.container;

import picocli.CommandLine.Command;

/** {@code cluman container}: the group; without a subcommand picocli reports the missing one. */
@Command(name = "container", mixinStandardHelpOptions = true,
        description = "Run, list, show, start, stop, restart and remove containers, and print their output.",
        subcommands = {
            ContainerRunCommand.class, ContainerLsCommand.class, ContainerShowCommand.class,
            ContainerActionCommand.Start.class, ContainerActionCommand.Stop.class,
            ContainerActionCommand.Restart.class, ContainerRmCommand.class, ContainerLogsCommand.class})
public final class ContainerCommand {
}
