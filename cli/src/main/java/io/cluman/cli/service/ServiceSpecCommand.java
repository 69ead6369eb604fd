package io.cluman.cli.service;

import io.cluman.cli.container.ContainerOptions;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.model.api.AffinityRequest;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ServiceRequest;
import io.cluman.model.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code service create} and {@code service update} share: the service's name, replicas, placement,
 * update strategy and {@code container run}'s options. Everything from the image (or the program) on is the
 * container's, dashes and all, as with {@code container run}.
 */
abstract class ServiceSpecCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Service name, a DNS label of at most 57"
            + " characters; replicas are named NAME-xxxxx.")
    String name;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "1",
            description = "How many replicas (default ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--cluster", paramLabel = "C", description = "Place replicas in this cluster only.")
    String cluster;

    @Option(names = "--constraint", paramLabel = "EXPR", description = "A placement constraint (repeat).")
    List<String> constraints = new ArrayList<>();

    @Option(names = "--spread", paramLabel = "LABEL",
            description = "Spread replicas over the values of this node label (zone, rack), then over nodes.")
    String spread;

    @Option(names = "--ranking", paramLabel = "R",
            description = "binpack (fullest nodes first, the default) or spread (emptiest nodes first).")
    String ranking;

    @Option(names = "--affinity", paramLabel = "EXPR:WEIGHT",
            description = "Prefer (weight 1..100) or avoid (-100..-1) nodes matching EXPR, e.g. 'zone==a:50'"
                    + " (repeat).")
    List<String> affinities = new ArrayList<>();

    @Option(names = "--max-unavailable", paramLabel = "N",
            description = "Replicas a drain may take away before their replacements run (default 1; 0: none).")
    Integer maxUnavailable;

    @Mixin
    UpdateStrategyOptions update = new UpdateStrategyOptions();

    @Mixin
    ContainerOptions container = new ContainerOptions();

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "IMAGE|CMD", parameterConsumer = Rest.class,
            description = "docker: the image, then its arguments; process: the program, then its arguments.")
    List<String> words = new ArrayList<>();

    ServiceRequest request() {
        String missing = container.missingWhat(words, "cluman service " + verb() + " " + name);
        if (missing != null) {
            throw usage(missing);
        }
        if (!Validator.isDnsLabel(name)) {
            throw usage("NAME '" + name + "' is not a DNS label: use 1-57 lower-case letters, digits and '-',"
                    + " starting and ending with a letter or digit");
        }
        ContainerRequest c = container.request(name, null, cluster, words, this::usage);
        return new ServiceRequest(name, c.driver(), c.image(), c.command(), c.args(), c.env(), c.ports(), c.labels(),
                c.resources(), c.restart(), c.workDir(), c.healthcheck(), replicas, cluster,
                constraints.isEmpty() ? null : List.copyOf(constraints), spread, maxUnavailable, update.request(),
                ranking, affinities.isEmpty() ? null : affinities.stream().map(this::affinity).toList());
    }

    /** {@code EXPR:WEIGHT}, split at the last colon (an expression may hold colons, a weight cannot). */
    private AffinityRequest affinity(String text) {
        int colon = text.lastIndexOf(':');
        String weight = colon < 0 ? "" : text.substring(colon + 1).strip();
        if (colon <= 0 || !weight.matches("-?\\d{1,3}")) {
            throw usage("--affinity '" + text + "' needs a weight after the last ':', e.g. 'zone==a:50' (1..100"
                    + " prefers, -100..-1 avoids)");
        }
        return new AffinityRequest(text.substring(0, colon).strip(), Integer.parseInt(weight));
    }

    /** {@code create} or {@code update}, for messages. */
    abstract String verb();

    /** From the image (or program) on, every word is the container's, even one that looks like an option. */
    static final class Rest implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            List<String> words = argSpec.getValue();
            while (!args.isEmpty()) {
                words.add(args.pop());
            }
        }
    }
}
