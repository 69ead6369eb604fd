package io.cluman.cli.token;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.output.Table;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.TokenView;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code cluman token ls}: name, role, created, expires; never the values. */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List API tokens.")
public final class TokenLsCommand extends ClientCommand {
    @Override
    protected int run(ClumanClient client, Output output) {
        output.list(client.tokens(), TokenLsCommand::table);
        return Main.OK;
    }

    static Table table(List<TokenView> tokens) {
        Table table = Table.of("NAME", "ROLE", "CREATED", "EXPIRES");
        for (TokenView t : tokens) {
            table.row(t.name(), t.role(), String.valueOf(t.createdAt()),
                    t.expiresAt() == null ? "never" : t.expiresAt().toString());
        }
        return table;
    }
}
