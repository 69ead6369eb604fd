package io.cluman.cli.service;

import picocli.CommandLine.Command;

/** {@code cluman service}: the group; without a subcommand picocli reports the missing one. */
@Command(name = "service", mixinStandardHelpOptions = true,
        description = "Replicated services: a container kept at N replicas spread over nodes, replaced when a node"
                + " is lost.",
        subcommands = {ServiceCreateCommand.class, ServiceUpdateCommand.class, ServiceLsCommand.class,
            ServiceShowCommand.class, ServiceScaleCommand.class, ServiceAutoscaleCommand.class,
            ServiceAutoscalersCommand.class, ServicePromoteCommand.class, ServiceRmCommand.class})
public final class ServiceCommand {
}
