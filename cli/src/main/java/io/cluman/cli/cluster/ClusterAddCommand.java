package io.cluman.cli.cluster;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ClusterView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman cluster add NAME NODE}: make a node an explicit member. */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a node to a cluster.")
public final class ClusterAddCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Cluster name.")
    String name;

    @Parameters(index = "1", paramLabel = "NODE", description = "Node id.")
    String node;

    @Override
    protected int run(ClumanClient client, Output output) {
        ClusterView cluster = client.addNode(name, node);
        output.done("added node " + node + " to cluster " + name, cluster);
        return Main.OK;
    }
}
