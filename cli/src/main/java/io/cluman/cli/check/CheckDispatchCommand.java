package io.cluman.cli.check;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.output.Table;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.CheckDispatchView;
import picocli.CommandLine.Command;

/** {@code cluman check dispatch}: NODE CHECKS, with the dangling ones last. */
@Command(name = "dispatch", mixinStandardHelpOptions = true,
        description = "Show where each check runs, and which are dangling (no node of their cluster may run them).")
public final class CheckDispatchCommand extends ClientCommand {
    @Override
    protected int run(ClumanClient client, Output output) {
        CheckDispatchView view = client.checkDispatch();
        if (output.isJson()) {
            output.done("", view);
            return Main.OK;
        }
        Table table = Table.of("NODE", "CHECKS");
        view.nodes().forEach((node, checks) -> table.row(node, String.join(", ", checks)));
        if (!view.dangling().isEmpty()) {
            table.row("(dangling)", String.join(", ", view.dangling()));
        }
        output.line(table.render().stripTrailing());
        return Main.OK;
    }
}
