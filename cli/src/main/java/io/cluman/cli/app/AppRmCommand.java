package io.cluman.cli.app;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman app rm NAME}: remove an application with its services and containers. */
@Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true,
        description = "Remove an application; its services and their containers are removed too.")
public final class AppRmCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "Application name.")
    String name;

    @Override
    protected int run(ClumanClient client, Output output) {
        client.deleteApplication(name);
        output.done("removed application " + name, null);
        return Main.OK;
    }
}
