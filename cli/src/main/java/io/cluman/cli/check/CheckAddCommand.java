package io.cluman.cli.check;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.CheckRequest;
import io.cluman.model.api.CheckView;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cluman check add NAME (--http URL | --tcp HOST:PORT) [--interval 30s] [--timeout 5s] [--cluster C]}. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Add a cluster check; the leader dispatches it to one node of its cluster.",
        footer = {"", "Examples:",
            "  cluman check add db --tcp db.internal:5432 --cluster prod",
            "  cluman check add api --http http://api.internal:8080/health --interval 10s --timeout 2s"})
public final class CheckAddCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "Check name, a DNS label.")
    String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Probe probe;

    @Option(names = "--interval", paramLabel = "DURATION", description = "How often it runs (default 30s).")
    String interval;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "How long a run may take (default 5s).")
    String timeout;

    @Option(names = "--cluster", paramLabel = "C", description = "The cluster whose nodes may run it (default all).")
    String cluster;

    /** What to probe: exactly one. */
    static final class Probe {
        @Option(names = "--http", required = true, paramLabel = "URL",
                description = "Passes when GET URL answers 2xx or 3xx.")
        String http;

        @Option(names = "--tcp", required = true, paramLabel = "HOST:PORT",
                description = "Passes when a connection to HOST:PORT opens.")
        String tcp;
    }

    @Override
    protected int run(ClumanClient client, Output output) {
        CheckView created = client.createCheck(new CheckRequest(name, probe.http != null ? "http" : "tcp",
                probe.http != null ? probe.http : probe.tcp, interval, timeout, cluster));
        output.object(created, () -> CheckRows.details(created, output.now()));
        return Main.OK;
    }
}
