package io.cluman.cli.node;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.NodeView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman node show ID}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one node.")
public final class NodeShowCommand extends ClientCommand {
    @Parameters(paramLabel = "ID", description = "Node id.")
    String id;

    @Override
    protected int run(ClumanClient client, Output output) {
        NodeView node = client.node(id);
        output.object(node, () -> NodeRows.details(node, output.now()));
        return Main.OK;
    }
}
