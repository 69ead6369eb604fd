package io.cluman.cli.token;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.TokenCreated;
import io.cluman.model.api.TokenRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cluman token create NAME --role admin|operator|viewer [--ttl 24h]}: prints the value, once. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Make an API token; its value is printed now and never again.",
            "Example: cluman token create ci --role operator --ttl 30d"})
public final class TokenCreateCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "Token name, e.g. ci.")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
            description = "admin (everything), operator (workloads and nodes), viewer (read only).")
    String role;

    @Option(names = "--ttl", paramLabel = "DURATION", description = "How long it works, e.g. 24h; default: no expiry.")
    String ttl;

    @Override
    protected int run(ClumanClient client, Output output) {
        TokenCreated made = client.createToken(new TokenRequest(name, role, ttl));
        output.done(made.token() + "\ntoken " + made.name() + " (role " + made.role() + ", "
                + (made.expiresAt() == null ? "no expiry" : "expires " + made.expiresAt())
                + "): copy it now, it will not be shown again", made);
        return Main.OK;
    }
}
