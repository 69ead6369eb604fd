package io.cluman.cli.token;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.JoinTokenCreated;
import io.cluman.model.api.JoinTokenRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cluman token join create [--ttl 1h] [--uses 1] [--description D]}: prints the value, once. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Make a join token; its value is printed now and never again.",
            "Example: cluman token join create --ttl 1h --uses 1 --description 'rack 4'"})
public final class JoinTokenCreateCommand extends ClientCommand {
    @Option(names = "--ttl", paramLabel = "DURATION", description = "How long it works, e.g. 1h; default: no expiry.")
    String ttl;

    @Option(names = "--uses", paramLabel = "N", description = "How many nodes may join with it; default: unlimited.")
    Integer uses;

    @Option(names = "--description", paramLabel = "TEXT", description = "What it is for.")
    String description;

    @Override
    protected int run(ClumanClient client, Output output) {
        JoinTokenCreated made = client.createJoinToken(new JoinTokenRequest(ttl, uses, description));
        output.done(made.token() + "\njoin token " + made.id() + " ("
                + (made.maxUses() == null ? "unlimited uses" : made.maxUses() + (made.maxUses() == 1 ? " use" : " uses"))
                + ", " + (made.expiresAt() == null ? "no expiry" : "expires " + made.expiresAt())
                + "): copy it now, it will not be shown again", made);
        return Main.OK;
    }
}
