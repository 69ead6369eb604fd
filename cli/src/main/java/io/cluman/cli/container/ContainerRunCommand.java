package io.cluman.cli.container;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.cli.remote.Sleeper;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.container.TaskState;
import io.cluman.model.validation.Validator;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cluman container run [options] IMAGE [ARGS...]} and
 * {@code cluman container run --driver process [options] -- CMD [ARGS...]}. Options go before the
 * image or command: what follows it is the container's (see {@link Main#commandLine()}, which makes
 * this command stop parsing options at the first positional, as {@code docker run} does).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a container on a node or cluster: a Docker image, or a plain process"
                + " with --driver process.",
            "Options go before IMAGE (or CMD); everything after it is passed to the container."},
        footer = {"", "Examples:",
            "  cluman container run --name web -p 8080:80 --memory 256M nginx:1.27",
            "  cluman container run --cluster batch --restart on-failure:3 alpine sh -c 'echo hi'",
            "  cluman container run --constraint 'zone==eu' --constraint 'disk in (ssd,nvme)' redis:7",
            "  cluman container run --name api --health-http 8080/health --health-interval 5s my/api:2",
            "  cluman container run --driver process --node n-1 --wait -- /bin/sleep 60"})
public final class ContainerRunCommand extends ClientCommand {
    @Option(names = "--name", paramLabel = "NAME",
            description = "Container name, a DNS label (default: the image's or program's name and a random suffix).")
    String name;

    @ArgGroup(exclusive = true)
    Placement placement;

    @Mixin
    ContainerOptions container = new ContainerOptions();

    @Option(names = "--constraint", paramLabel = "EXPR",
            description = "A placement constraint on the node, e.g. zone==a or node.name!=n-1 (repeat); kept when"
                    + " the container is placed again after its node is lost.")
    List<String> constraints = new ArrayList<>();

    @Option(names = "--wait", description = "Wait until it runs, exits or fails (at most 120 s); exit 1 if it fails.")
    boolean wait;

    @Parameters(arity = "0..*", paramLabel = "IMAGE|CMD",
            description = "docker: the image, then its arguments; process: the program, then its arguments.")
    List<String> words = new ArrayList<>();

    /** Polls between status reads with --wait; replaced in tests. */
    Sleeper sleeper = Sleeper.SYSTEM;

    /** Where exactly one of: a node, or a cluster (neither: any eligible node). */
    static final class Placement {
        @Option(names = "--node", required = true, paramLabel = "ID", description = "Run on this node.")
        String node;

        @Option(names = "--cluster", required = true, paramLabel = "C",
                description = "Run on the least-loaded eligible node of this cluster.")
        String cluster;
    }

    @Override
    protected int run(ClumanClient client, Output output) {
        ContainerRequest request = request();
        ContainerView created = client.createContainer(request);
        if (!wait) {
            output.object(created, () -> ContainerRows.details(created, output.now()));
            return Main.OK;
        }
        ContainerWaiter.Outcome outcome = new ContainerWaiter(client::container, sleeper, InstantSource.system(),
                err()).await(created);
        ContainerView c = outcome.container();
        output.object(c, () -> ContainerRows.details(c, output.now()));
        if (!outcome.settled()) {
            err().println("error: container " + c.name() + " is still "
                    + (c.status() == null ? "unreported" : c.status().name().toLowerCase(Locale.ROOT))
                    + " after " + ContainerWaiter.LIMIT.toSeconds() + "s; follow it with: cluman container show "
                    + c.name());
            err().flush();
            return Main.SERVER_ERROR;
        }
        if (c.status() == TaskState.FAILED || c.status() == TaskState.LOST) {
            err().println("error: container " + c.name() + " " + c.status().name().toLowerCase(Locale.ROOT)
                    + (c.exitCode() == null ? "" : " with exit code " + c.exitCode())
                    + (c.lastError() == null || c.lastError().isBlank() ? "" : ": " + c.lastError().strip()));
            err().flush();
            return Main.SERVER_ERROR;
        }
        return Main.OK;
    }

    ContainerRequest request() {
        String missing = container.missingWhat(words, "cluman container run");
        if (missing != null) {
            throw usage(missing);
        }
        String containerName = name == null ? ContainerNames.derive(words.get(0)) : name.strip();
        if (!Validator.isDnsLabel(containerName)) {
            throw usage("--name '" + name + "' is not a DNS label: use 1-63 lower-case letters, digits and '-',"
                    + " starting and ending with a letter or digit");
        }
        return container.request(containerName, placement == null ? null : placement.node,
                placement == null ? null : placement.cluster, words, this::usage)
                .withConstraints(constraints.isEmpty() ? null : List.copyOf(constraints));
    }
}
