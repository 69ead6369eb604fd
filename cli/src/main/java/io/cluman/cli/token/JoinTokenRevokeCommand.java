package io.cluman.cli.token;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman token join revoke ID}: joins with the token are refused from now on. */
@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a join token.")
public final class JoinTokenRevokeCommand extends ClientCommand {
    @Parameters(paramLabel = "ID", description = "Join token id, e.g. k-3v9x2m1qab (see cluman token join ls).")
    String id;

    @Override
    protected int run(ClumanClient client, Output output) {
        client.revokeJoinToken(id);
        output.done("revoked join token " + id, null);
        return Main.OK;
    }
}
