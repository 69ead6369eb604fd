package io.cluman.cli.token;

import picocli.CommandLine.Command;

/** {@code cluman token join}: the group of join-token commands. */
@Command(name = "join", mixinStandardHelpOptions = true,
        description = {"Make, list and revoke join tokens: what a new node needs to join the cluster.",
            "A join token reads CLJ1-<CA pin>-<secret>; the pin lets the node check the cluster's CA."},
        subcommands = {JoinTokenCreateCommand.class, JoinTokenLsCommand.class, JoinTokenRevokeCommand.class})
public final class JoinTokenCommand {
}
