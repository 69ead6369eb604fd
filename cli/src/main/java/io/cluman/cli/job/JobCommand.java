package io.cluman.cli.job;

import picocli.CommandLine.Command;

/** {@code cluman job}: the group; without a subcommand picocli reports the missing one. */
@Command(name = "job", mixinStandardHelpOptions = true, description = "List, show and watch jobs (long operations).",
        subcommands = {JobLsCommand.class, JobShowCommand.class, JobWatchCommand.class})
public final class JobCommand {
}
