package io.cluman.cli.service;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ServiceView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman service promote NAME}. */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Promote the running deployment's canaries: the rest of the replicas are replaced.")
public final class ServicePromoteCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Service name.")
    String name;

    @Override
    protected int run(ClumanClient client, Output output) {
        ServiceView promoted = client.promoteService(name);
        output.done("service " + name + ": deployment promoted", promoted);
        return Main.OK;
    }
}
