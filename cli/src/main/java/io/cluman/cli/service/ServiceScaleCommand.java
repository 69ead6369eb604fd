package io.cluman.cli.service;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ServiceView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman service scale NAME N}. */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = "Set the number of replicas; the leader adds or removes (the newest) replicas.")
public final class ServiceScaleCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Service name.")
    String name;

    @Parameters(index = "1", paramLabel = "N", description = "Replicas, 0 to 10000.")
    int replicas;

    @Override
    protected int run(ClumanClient client, Output output) {
        ServiceView scaled = client.scaleService(name, replicas);
        output.done("service " + name + " scaled to " + scaled.desired() + " replica(s)", scaled);
        return Main.OK;
    }
}
