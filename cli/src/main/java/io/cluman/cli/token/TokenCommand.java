package io.cluman.cli.token;

import picocli.CommandLine.Command;

/** {@code cluman token}: the group; without a subcommand picocli reports the missing one. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Make, list and revoke API tokens with roles admin, operator or viewer.",
            "'cluman token join' does the same for the join tokens of new nodes."},
        subcommands = {TokenLsCommand.class, TokenCreateCommand.class, TokenRmCommand.class, JoinTokenCommand.class})
public final class TokenCommand {
}
