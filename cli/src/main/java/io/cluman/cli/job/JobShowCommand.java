package io.cluman.cli.job;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.job.Job;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman job show ID}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one job and its steps.")
public final class JobShowCommand extends ClientCommand {
    @Parameters(paramLabel = "ID", description = "Job id.")
    String id;

    @Override
    protected int run(ClumanClient client, Output output) {
        Job job = client.job(id);
        output.object(job, () -> JobRows.details(job, output.now()));
        return Main.OK;
    }
}
