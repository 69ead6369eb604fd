package io.cluman.cli.job;

import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman job watch ID}: a progress bar on stderr until the job ends; exit 1 unless it succeeded. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Follow a job to its end with a progress bar on stderr; exits 1 if it does not succeed.")
public final class JobWatchCommand extends ClientCommand {
    @Parameters(paramLabel = "ID", description = "Job id.")
    String id;

    @Override
    protected int run(ClumanClient client, Output output) {
        return JobOutcome.finished(output, JobWatcher.of(client, err()).watch(client.job(id)));
    }
}
