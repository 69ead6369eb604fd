package io.cluman.cli.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --from}, {@code --to} and {@code --step} of each {@code cluman metrics} command; the server
 * checks them.
 */
final class RangeOptions {
    @Option(names = "--from", paramLabel = "WHEN", description = "How long ago (1h, 30d) or an ISO-8601 instant;"
            + " default 1h.")
    String from;

    @Option(names = "--to", paramLabel = "WHEN", description = "How long ago or an instant; default now.")
    String to;

    @Option(names = "--step", paramLabel = "DURATION", description = "Bucket width; default the range / 120"
            + " (the plot shows the last 60).")
    String step;

    /** The query parameters given (the client leaves out those not set). */
    Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("from", from);
        params.put("to", to);
        params.put("step", step);
        return params;
    }
}
