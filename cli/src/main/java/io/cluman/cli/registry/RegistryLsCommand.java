package io.cluman.cli.registry;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.output.Table;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.RegistryView;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code cluman registry ls}: the registries, Docker Hub first; passwords only as "yes"/"no". */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true,
        description = "List registries, Docker Hub (docker.io) first.")
public final class RegistryLsCommand extends ClientCommand {
    @Override
    protected int run(ClumanClient client, Output output) {
        output.list(client.registries(), RegistryLsCommand::table);
        return Main.OK;
    }

    static Table table(List<RegistryView> registries) {
        Table table = Table.of("NAME", "HOST", "USERNAME", "PASSWORD", "BUILT-IN");
        for (RegistryView r : registries) {
            table.row(r.name(), r.host(), r.username() == null || r.username().isEmpty() ? "-" : r.username(),
                    r.hasPassword() ? "yes" : "no", r.builtIn() ? "yes" : "no");
        }
        return table;
    }
}
