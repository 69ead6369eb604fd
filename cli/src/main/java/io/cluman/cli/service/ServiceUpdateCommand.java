package io.cluman.cli.service;

import io.cluman.cli.Main;
import io.cluman.cli.job.JobOutcome;
import io.cluman.cli.output.Output;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ServiceView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cluman service update NAME [options] IMAGE [ARGS...]}: a new spec for an existing service, rolled out
 * as a deployment by its update strategy ({@code --max-parallel}, {@code --min-healthy-time},
 * {@code --healthy-deadline}, {@code --auto-revert}, {@code --canary}). With {@code --wait} it follows the
 * deployment's job with a progress bar to its end (with canaries: until they are promoted, or fail).
 */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Give a service a new spec: a deployment replaces its replicas by the update strategy,",
            "gated on health. Options go before IMAGE (or CMD); everything after it is the container's."},
        footer = {"", "Examples:",
            "  cluman service update web --replicas 3 --max-parallel 2 --auto-revert nginx:1.28",
            "  cluman service update web --canary 1 nginx:1.28 && cluman service promote web",
            "  cluman service update web --wait nginx:1.28     # progress bar until the deployment ends"})
public final class ServiceUpdateCommand extends ServiceSpecCommand {
    @Option(names = "--wait", description = {"Follow the deployment's job to its end: a progress bar on stderr,",
        "then a one-line summary; exit 1 if it fails."})
    boolean wait;

    @Override
    protected int run(ClumanClient client, Output output) {
        ServiceView updated = client.replaceService(name, request());
        String job = updated.deployments().isEmpty() ? null : updated.deployments().getFirst().job();
        if (!wait || job == null) {
            output.object(updated, () -> ServiceRows.details(updated, output.now()));
            return Main.OK;
        }
        return JobOutcome.report(client, output, err(), client.job(job), true);
    }

    @Override
    String verb() {
        return "update";
    }
}
