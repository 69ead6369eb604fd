package io.cluman.cli.app;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import picocli.CommandLine.Command;

/** {@code cluman app ls}: NAME STATE SERVICES RUNNING WARNINGS. */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true,
        description = "List applications with their state and how many services run.")
public final class AppLsCommand extends ClientCommand {
    @Override
    protected int run(ClumanClient client, Output output) {
        output.list(client.applications(), AppRows::table);
        return Main.OK;
    }
}
