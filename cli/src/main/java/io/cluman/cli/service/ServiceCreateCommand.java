package io.cluman.cli.service;

import io.cluman.cli.Main;
import io.cluman.cli.container.ContainerOptions;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ServiceRequest;
import io.cluman.model.api.ServiceView;
import io.cluman.model.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cluman service create NAME [options] IMAGE [ARGS...]} and
 * {@code cluman service create NAME --driver process [options] -- CMD [ARGS...]}. Takes the options of
 * {@code container run} (but not --node: replicas are placed by the leader). Everything from the image
 * (or the program) on is the container's, dashes and all, as with {@code container run}.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a service: REPLICAS copies of a container, spread over the nodes.",
            "Options go before IMAGE (or CMD); everything after it is passed to the container."},
        footer = {"", "Examples:",
            "  cluman service create web --replicas 3 -p 8080 nginx:1.27",
            "  cluman service create workers --replicas 6 --driver process -- /bin/sleep 3600"})
public final class ServiceCreateCommand extends ClientCommand {
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

    @Option(names = "--max-unavailable", paramLabel = "N",
            description = "Replicas an update may take down at once (default 1).")
    Integer maxUnavailable;

    @Mixin
    ContainerOptions container = new ContainerOptions();

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "IMAGE|CMD", parameterConsumer = Rest.class,
            description = "docker: the image, then its arguments; process: the program, then its arguments.")
    List<String> words = new ArrayList<>();

    @Override
    protected int run(ClumanClient client, Output output) {
        ServiceView created = client.createService(request());
        output.object(created, () -> ServiceRows.details(created, output.now()));
        return Main.OK;
    }

    ServiceRequest request() {
        String missing = container.missingWhat(words, "cluman service create " + name);
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
                constraints.isEmpty() ? null : List.copyOf(constraints), spread, maxUnavailable, null);
    }

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
