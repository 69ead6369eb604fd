package io.cluman.cli.registry;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman registry rm NAME}; for {@code docker.io} it forgets Docker Hub's credentials. */
@Command(name = "rm", mixinStandardHelpOptions = true,
        description = "Remove a registry; 'rm docker.io' forgets Docker Hub's credentials (Docker Hub stays).")
public final class RegistryRmCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "Registry name.")
    String name;

    @Override
    protected int run(ClumanClient client, Output output) {
        client.deleteRegistry(name);
        output.done("removed registry " + name, null);
        return Main.OK;
    }
}
