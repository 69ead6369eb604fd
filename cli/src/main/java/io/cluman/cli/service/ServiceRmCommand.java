package io.cluman.cli.service;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman service rm NAME}: remove a service and its replicas. */
@Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true,
        description = "Remove a service; its replicas are stopped and removed.")
public final class ServiceRmCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "Service name.")
    String name;

    @Override
    protected int run(ClumanClient client, Output output) {
        client.deleteService(name);
        output.done("removed service " + name, null);
        return Main.OK;
    }
}
