package io.cluman.cli.cluster;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ClusterView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman cluster show NAME}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one cluster and its nodes.")
public final class ClusterShowCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "Cluster name.")
    String name;

    @Override
    protected int run(ClumanClient client, Output output) {
        ClusterView cluster = client.cluster(name);
        output.object(cluster, () -> ClusterRows.details(cluster));
        return Main.OK;
    }
}
