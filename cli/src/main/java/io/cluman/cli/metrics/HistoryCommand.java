package io.cluman.cli.metrics;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.MetricsHistoryView;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * What every {@code cluman metrics SUBJECT ID} command does: asks the server for the subject's history over
 * the {@link RangeOptions}, then prints it as JSON, or as {@code SUBJECT ID, FROM to TO, step STEP} and a
 * {@link TextPlot} per series. A subclass only names the subject and the client call.
 */
abstract class HistoryCommand extends ClientCommand {
    private static final int WIDTH = 60;

    @Parameters(index = "0", paramLabel = "ID", description = "The ${COMMAND-NAME}'s id (cluman ${COMMAND-NAME} ls).")
    String id;

    @Mixin
    RangeOptions range;

    private final Fetch fetch;
    private final String empty;

    /** The client call that reads a subject's history; {@code params} are the range's query parameters. */
    @FunctionalInterface
    interface Fetch {
        MetricsHistoryView history(ClumanClient client, String id, Map<String, String> params);
    }

    /** @param empty what to print when the range holds no points */
    HistoryCommand(Fetch fetch, String empty) {
        this.fetch = fetch;
        this.empty = empty;
    }

    @Override
    protected final int run(ClumanClient client, Output output) {
        MetricsHistoryView view = fetch.history(client, id, range.params());
        if (output.isJson()) {
            output.done("", view);
            return Main.OK;
        }
        String subject = getClass().getAnnotation(Command.class).name();
        output.line(subject + " " + id + ", " + view.from() + " to " + view.to() + ", step " + view.step());
        if (view.series().isEmpty()) {
            output.line(empty);
        }
        view.series().forEach((name, points) -> output.line(TextPlot.line(name, points, WIDTH)));
        return Main.OK;
    }
}
