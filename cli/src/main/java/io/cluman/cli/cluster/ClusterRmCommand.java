package io.cluman.cli.cluster;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman cluster rm NAME}. */
@Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a cluster (its nodes stay).")
public final class ClusterRmCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "Cluster name.")
    String name;

    @Override
    protected int run(ClumanClient client, Output output) {
        client.deleteCluster(name);
        output.done("removed cluster " + name, null);
        return Main.OK;
    }
}
