package io.cluman.cli.service;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ServiceView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman service show NAME}: the spec, the counts and a table of replicas. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a service and its replicas (node, status, health, restarts).")
public final class ServiceShowCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "Service name.")
    String name;

    @Override
    protected int run(ClumanClient client, Output output) {
        ServiceView service = client.service(name);
        output.object(service, () -> ServiceRows.details(service, output.now()));
        return Main.OK;
    }
}
