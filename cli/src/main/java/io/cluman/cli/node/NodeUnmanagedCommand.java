package io.cluman.cli.node;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.output.Table;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.UnmanagedContainer;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman node unmanaged ID}: what runs on the node's engine without Cluman's labels (read-only). */
@Command(name = "unmanaged", mixinStandardHelpOptions = true,
        description = "List what runs on a node's engine that Cluman did not start (it never touches these).")
public final class NodeUnmanagedCommand extends ClientCommand {
    @Parameters(paramLabel = "ID", description = "Node id.")
    String id;

    @Override
    protected int run(ClumanClient client, Output output) {
        output.list(client.unmanaged(id), NodeUnmanagedCommand::table);
        return Main.OK;
    }

    static Table table(List<UnmanagedContainer> objects) {
        Table table = Table.of("NAME", "DRIVER", "IMAGE", "STATE", "ID");
        for (UnmanagedContainer u : objects) {
            String id = u.runtimeId() == null || u.runtimeId().length() <= 12 ? u.runtimeId()
                    : u.runtimeId().substring(0, 12);
            table.row(u.name(), u.driver(), u.image(), u.state(), id);
        }
        return table;
    }
}
