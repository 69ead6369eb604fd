package io.cluman.cli.cluster;

import io.cluman.cli.Main;
import io.cluman.cli.args.KeyValue;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ClusterRequest;
import io.cluman.model.api.ClusterView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cluman cluster create NAME [--description D] [--selector k=v,...]}. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a cluster; with --selector, nodes carrying those labels join it by themselves.")
public final class ClusterCreateCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "Cluster name.")
    String name;

    @Option(names = "--description", paramLabel = "D", description = "What the cluster is for.")
    String description = "";

    @Option(names = "--selector", paramLabel = "k=v", split = ",", converter = KeyValue.Converter.class,
            description = "Labels a node must carry to join by itself (k=v,k2=v2 or repeat).")
    List<KeyValue> selector = new ArrayList<>();

    @Override
    protected int run(ClumanClient client, Output output) {
        ClusterView created = client.createCluster(request());
        output.done("created cluster " + created.name(), created);
        return Main.OK;
    }

    ClusterRequest request() {
        return new ClusterRequest(name, description, Set.of(), KeyValue.toMap(selector));
    }
}
