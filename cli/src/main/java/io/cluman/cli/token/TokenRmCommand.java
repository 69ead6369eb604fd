package io.cluman.cli.token;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman token rm NAME}: revokes a token; it stops working at once. */
@Command(name = "rm", mixinStandardHelpOptions = true, description = "Revoke an API token.")
public final class TokenRmCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "Token name.")
    String name;

    @Override
    protected int run(ClumanClient client, Output output) {
        client.deleteToken(name);
        output.done("revoked token " + name, null);
        return Main.OK;
    }
}
