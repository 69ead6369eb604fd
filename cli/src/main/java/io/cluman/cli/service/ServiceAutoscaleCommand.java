package io.cluman.cli.service;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.AutoscaleRequest;
import io.cluman.model.api.AutoscaleView;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cluman service autoscale NAME --min N --max M --cpu PCT} sets a policy, {@code --off} removes it, and
 * without options it shows the policy with the autoscaler's last evaluation.
 */
@Command(name = "autoscale", mixinStandardHelpOptions = true,
        description = {"Keep a service between --min and --max replicas so that its replicas' average CPU or"
                + " memory (in % of their limits), or TCP connections, stays near a target; without options, show"
                + " its policy.",
            "Growing is at once; shrinking waits until the load has stayed low for --scale-down-delay."},
        footer = {"", "Examples:",
            "  cluman service autoscale web --min 2 --max 10 --cpu 70",
            "  cluman service autoscale cache --min 1 --max 4 --memory 80 --window 2m --scale-down-delay 10m",
            "  cluman service autoscale api --min 2 --max 20 --requests 50",
            "  cluman service autoscale web",
            "  cluman service autoscale web --off"})
public final class ServiceAutoscaleCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "Service name.")
    String name;

    @Option(names = "--min", paramLabel = "N", description = "The fewest replicas, at least 1.")
    Integer min;

    @Option(names = "--max", paramLabel = "M", description = "The most replicas, at least --min.")
    Integer max;

    @ArgGroup(exclusive = true)
    Metric metric;

    @Option(names = "--window", paramLabel = "DURATION",
            description = "Recent samples averaged for each decision (default 1m, 10s to 30m).")
    String window;

    @Option(names = "--scale-down-delay", paramLabel = "DURATION",
            description = "How long the load must stay low before the service shrinks (default 5m).")
    String scaleDownDelay;

    @Option(names = "--off", description = "Stop autoscaling; the count stays where it is.")
    boolean off;

    /** What to scale on: exactly one metric with its target. */
    static final class Metric {
        @Option(names = "--cpu", required = true, paramLabel = "PCT",
                description = "Target average CPU, in % of each replica's CPU limit (of one core without one).")
        Double cpu;

        @Option(names = "--memory", required = true, paramLabel = "PCT",
                description = "Target average memory, in % of each replica's memory limit.")
        Double memory;

        @Option(names = "--requests", required = true, paramLabel = "N",
                description = "Target average of TCP connections open to each replica's published ports.")
        Double requests;

        String name() {
            return cpu != null ? "cpu" : memory != null ? "memory" : "requests";
        }

        double target() {
            return cpu != null ? cpu : memory != null ? memory : requests;
        }
    }

    @Override
    protected int run(ClumanClient client, Output output) {
        boolean setting = min != null || max != null || metric != null || window != null || scaleDownDelay != null;
        if (off) {
            if (setting) {
                throw usage("--off takes no other option: it only stops autoscaling " + name);
            }
            client.stopAutoscaling(name);
            output.done("service " + name + " no longer autoscales; its count stays as it is", null);
            return Main.OK;
        }
        if (!setting) {
            AutoscaleView view = client.autoscaler(name);
            output.object(view, () -> AutoscaleRows.details(view, output.now()));
            return Main.OK;
        }
        if (min == null || max == null || metric == null) {
            throw usage("Give --min, --max and one of --cpu PCT, --memory PCT or --requests N, e.g. cluman service"
                    + " autoscale "
                    + name + " --min 2 --max 10 --cpu 70");
        }
        AutoscaleView set = client.autoscale(name, new AutoscaleRequest(min, max, metric.name(), metric.target(),
                window, scaleDownDelay));
        output.object(set, () -> AutoscaleRows.details(set, output.now()));
        return Main.OK;
    }
}
