package io.cluman.cli.token;

import picocli.CommandLine.Command;

/** {@code cluman token}: the group; without a subcommand picocli reports the missing one. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Make, list and revoke API tokens with roles admin, operator or viewer.",
        subcommands = {TokenLsCommand.class, TokenCreateCommand.class, TokenRmCommand.class})
public final class TokenCommand {
}
