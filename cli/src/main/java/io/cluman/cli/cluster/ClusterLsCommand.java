package io.cluman.cli.cluster;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import picocli.CommandLine.Command;

/** {@code cluman cluster ls}: the clusters, the system groups {@code all} and {@code orphans} included. */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true,
        description = "List clusters, the system groups all and orphans included.")
public final class ClusterLsCommand extends ClientCommand {
    @Override
    protected int run(ClumanClient client, Output output) {
        output.list(client.clusters(), ClusterRows::table);
        return Main.OK;
    }
}
