package io.cluman.cli.container;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman container rm NAME}: stop and remove a container. */
@Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true,
        description = "Stop a container and remove it.")
public final class ContainerRmCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "Container name.")
    String name;

    @Override
    protected int run(ClumanClient client, Output output) {
        client.deleteContainer(name);
        output.done("removed container " + name, null);
        return Main.OK;
    }
}
