package io.cluman.cli.check;

import picocli.CommandLine.Command;

/** {@code cluman check}: the group; without a subcommand picocli reports the missing one. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Cluster checks: an http or tcp probe run by one node of a cluster, dispatched again when that"
                + " node goes off.",
        subcommands = {CheckAddCommand.class, CheckLsCommand.class, CheckShowCommand.class, CheckRmCommand.class,
            CheckDispatchCommand.class})
public final class CheckCommand {
}
