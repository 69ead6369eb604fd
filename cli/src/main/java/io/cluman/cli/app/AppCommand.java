package io.cluman.cli.app;

import picocli.CommandLine.Command;

/** {@code cluman app}: the group; without a subcommand picocli reports the missing one. */
@Command(name = "app", mixinStandardHelpOptions = true,
        description = "Compose applications: a compose file deployed as services <app>-<service>, started in"
                + " depends_on order.",
        subcommands = {AppDeployCommand.class, AppLsCommand.class, AppShowCommand.class, AppStateCommand.Stop.class,
            AppStateCommand.Start.class, AppRmCommand.class})
public final class AppCommand {
}
