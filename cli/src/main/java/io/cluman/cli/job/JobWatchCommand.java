package io.cluman.cli.job;

import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cluman job watch ID}: a progress bar on stderr until the job ends, then a one-line summary on stdout;
 * exit 1 unless it succeeded. An unknown id is the server's 404, reported like any other (exit 1).
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Follow a job to its end: a progress bar on stderr (redrawn in place on a terminal, a line",
            "per change otherwise), then one line on stdout: the job, its kind and target, SUCCEEDED or",
            "FAILED with the reason, and how long it took. Exits 1 if the job does not succeed."},
        footer = {"", "Commands that start jobs (node drain, node batch, service update, ...) return at once;",
            "give them --wait to do the same, or follow their job later with this command."})
public final class JobWatchCommand extends ClientCommand {
    @Parameters(paramLabel = "ID", description = "Job id.")
    String id;

    @Override
    protected int run(ClumanClient client, Output output) {
        return JobOutcome.finished(output, JobWatcher.of(client, err()).watch(client.job(id)));
    }
}
