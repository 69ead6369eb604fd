package io.cluman.cli.check;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import picocli.CommandLine.Command;

/** {@code cluman check ls}: NAME TYPE TARGET EVERY NODE STATUS LAST-RUN. */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true,
        description = "List cluster checks with where each runs and its last result.")
public final class CheckLsCommand extends ClientCommand {
    @Override
    protected int run(ClumanClient client, Output output) {
        output.list(client.checks(), views -> CheckRows.table(views, output.now()));
        return Main.OK;
    }
}
