package io.cluman.cli.token;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.output.Table;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.JoinTokenView;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code cluman token join ls}: id, state, uses, created, expires, description; never the values. */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List join tokens.")
public final class JoinTokenLsCommand extends ClientCommand {
    @Override
    protected int run(ClumanClient client, Output output) {
        output.list(client.joinTokens(), JoinTokenLsCommand::table);
        return Main.OK;
    }

    static Table table(List<JoinTokenView> tokens) {
        Table table = Table.of("ID", "STATE", "USES", "CREATED", "EXPIRES", "DESCRIPTION");
        for (JoinTokenView t : tokens) {
            table.row(t.id(), t.state(), t.uses() + "/" + (t.maxUses() == null ? "unlimited" : t.maxUses()),
                    String.valueOf(t.createdAt()), t.expiresAt() == null ? "never" : t.expiresAt().toString(),
                    t.description());
        }
        return table;
    }
}
