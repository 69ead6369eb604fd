package io.cluman.cli.node;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman node rm ID}: forget a DECOMMISSIONED or off node. */
@Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true,
        description = "Forget a node that is DECOMMISSIONED or off.")
public final class NodeRmCommand extends ClientCommand {
    @Parameters(paramLabel = "ID", description = "Node id.")
    String id;

    @Override
    protected int run(ClumanClient client, Output output) {
        client.deleteNode(id);
        output.done("removed node " + id, null);
        return Main.OK;
    }
}
