package io.cluman.cli.service;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import picocli.CommandLine.Command;

/** {@code cluman service ls}: NAME DESIRED RUNNING IMAGE. */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true,
        description = "List services with their desired and running replicas.")
public final class ServiceLsCommand extends ClientCommand {
    @Override
    protected int run(ClumanClient client, Output output) {
        output.list(client.services(), ServiceRows::table);
        return Main.OK;
    }
}
