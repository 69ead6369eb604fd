package io.cluman.cli.cluster;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ClusterView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman cluster remove NAME NODE}: end a node's explicit membership. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a node from a cluster.")
public final class ClusterRemoveCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Cluster name.")
    String name;

    @Parameters(index = "1", paramLabel = "NODE", description = "Node id.")
    String node;

    @Override
    protected int run(ClumanClient client, Output output) {
        ClusterView cluster = client.removeNode(name, node);
        output.done("removed node " + node + " from cluster " + name, cluster);
        return Main.OK;
    }
}
