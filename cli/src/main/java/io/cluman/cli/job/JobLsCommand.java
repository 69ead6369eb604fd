package io.cluman.cli.job;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import picocli.CommandLine.Command;

/** {@code cluman job ls}. */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List jobs.")
public final class JobLsCommand extends ClientCommand {
    @Override
    protected int run(ClumanClient client, Output output) {
        output.list(client.jobs(), jobs -> JobRows.table(jobs, output.now()));
        return Main.OK;
    }
}
