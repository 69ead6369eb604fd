package io.cluman.cli.container;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.LogQuery;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cluman container logs NAME [--tail N] [-f]}: the container's output, printed line by line as it
 * comes; with {@code -f} until the container ends (Ctrl-C stops earlier).
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print a container's output; with -f, keep printing until it ends (Ctrl-C stops).")
public final class ContainerLogsCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "Container name.")
    String name;

    @Option(names = "--tail", paramLabel = "N", description = "Only the last N lines (default: all).")
    Integer tail;

    @Option(names = {"-f", "--follow"}, description = "Keep printing lines as they are written.")
    boolean follow;

    @Override
    protected int run(ClumanClient client, Output output) {
        if (tail != null && tail < 0) {
            throw usage("--tail must be 0 or more, was " + tail);
        }
        try (Stream<String> lines = client.containerLogs(name, new LogQuery(tail == null ? -1 : tail, follow))) {
            lines.forEach(output::line);
        }
        return Main.OK;
    }
}
