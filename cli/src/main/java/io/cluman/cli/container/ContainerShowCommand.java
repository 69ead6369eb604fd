package io.cluman.cli.container;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ContainerView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman container show NAME}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one container and its status.")
public final class ContainerShowCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "Container name.")
    String name;

    @Override
    protected int run(ClumanClient client, Output output) {
        ContainerView container = client.container(name);
        output.object(container, () -> ContainerRows.details(container, output.now()));
        return Main.OK;
    }
}
