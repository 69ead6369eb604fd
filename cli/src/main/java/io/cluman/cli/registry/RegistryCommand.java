package io.cluman.cli.registry;

import picocli.CommandLine.Command;

/** {@code cluman registry}: the group; without a subcommand picocli reports the missing one. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Add, list and remove image registries; Docker Hub (docker.io) is always there.",
        subcommands = {RegistryLsCommand.class, RegistryAddCommand.class, RegistryRmCommand.class})
public final class RegistryCommand {
}
