package io.cluman.cli.service;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ServiceView;
import picocli.CommandLine.Command;

/**
 * {@code cluman service create NAME [--replicas N] [options] IMAGE [ARGS...]} or
 * {@code cluman service create NAME --driver process [options] -- CMD [ARGS...]}. Takes the options of
 * {@code container run} (but not --node: replicas are placed by the leader).
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a service: REPLICAS copies of a container, spread over the nodes.",
            "Options go before IMAGE (or CMD); everything after it is passed to the container."},
        footer = {"", "Examples:",
            "  cluman service create web --replicas 3 -p 8080 nginx:1.27",
            "  cluman service create workers --replicas 6 --driver process -- /bin/sleep 3600"})
public final class ServiceCreateCommand extends ServiceSpecCommand {
    @Override
    protected int run(ClumanClient client, Output output) {
        ServiceView created = client.createService(request());
        output.object(created, () -> ServiceRows.details(created, output.now()));
        return Main.OK;
    }

    @Override
    String verb() {
        return "create";
    }
}
