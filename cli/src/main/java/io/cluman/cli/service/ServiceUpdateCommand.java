package io.cluman.cli.service;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ServiceView;
import picocli.CommandLine.Command;

/**
 * {@code cluman service update NAME [options] IMAGE [ARGS...]}: a new spec for an existing service, rolled out
 * as a deployment by its update strategy ({@code --max-parallel}, {@code --min-healthy-time},
 * {@code --healthy-deadline}, {@code --auto-revert}, {@code --canary}).
 */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Give a service a new spec: a deployment replaces its replicas by the update strategy,",
            "gated on health. Options go before IMAGE (or CMD); everything after it is the container's."},
        footer = {"", "Examples:",
            "  cluman service update web --replicas 3 --max-parallel 2 --auto-revert nginx:1.28",
            "  cluman service update web --canary 1 nginx:1.28 && cluman service promote web"})
public final class ServiceUpdateCommand extends ServiceSpecCommand {
    @Override
    protected int run(ClumanClient client, Output output) {
        ServiceView updated = client.replaceService(name, request());
        output.object(updated, () -> ServiceRows.details(updated, output.now()));
        return Main.OK;
    }

    @Override
    String verb() {
        return "update";
    }
}
