package io.cluman.cli.node;

import io.cluman.cli.args.KeyValue;
import io.cluman.cli.job.JobOutcome;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.BatchRequest;
import io.cluman.model.api.NodeSelector;
import io.cluman.model.node.NodeOperation;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cluman node batch OPERATION (--all | --cluster C | --label k=v ... | --ids a,b) [--batch-size N] [--wait]}.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Apply one operation to many nodes, a batch at a time, as one job.",
            "Returns at once with the job's id (follow it with cluman job watch ID), or with --wait at its end."})
public final class NodeBatchCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "OPERATION", converter = OperationConverter.class,
            description = "commission, drain, decommission or upgrade.")
    NodeOperation operation;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "How many nodes at once (server default if absent).")
    Integer batchSize;

    @Option(names = "--wait", description = {"Follow the job to its end: a progress bar on stderr, then a one-line",
        "summary; exit 1 if it fails."})
    boolean wait;

    /** Which nodes: exactly one of these. */
    static final class Target {
        @Option(names = "--all", required = true, description = "All nodes.")
        boolean all;

        @Option(names = "--cluster", required = true, paramLabel = "C", description = "The nodes of a cluster.")
        String cluster;

        @Option(names = "--label", required = true, paramLabel = "k=v", converter = KeyValue.Converter.class,
                description = "Nodes carrying all these labels (repeat).")
        List<KeyValue> labels;

        @Option(names = "--ids", required = true, paramLabel = "a,b", split = ",", description = "These nodes.")
        List<String> ids;

        NodeSelector selector() {
            if (all) {
                return new NodeSelector(null, null, null, true);
            }
            if (cluster != null) {
                return new NodeSelector(null, cluster, null, null);
            }
            if (labels != null) {
                return new NodeSelector(null, null, KeyValue.toMap(labels), null);
            }
            return new NodeSelector(ids.stream().map(String::strip).filter(id -> !id.isEmpty()).toList(), null, null,
                    null);
        }
    }

    @Override
    protected int run(ClumanClient client, Output output) {
        return JobOutcome.report(client, output, err(), client.batch(request()), wait);
    }

    BatchRequest request() {
        if (batchSize != null && batchSize < 1) {
            throw usage("--batch-size must be at least 1, was " + batchSize);
        }
        NodeSelector selector = target.selector();
        if (selector.ids() != null && selector.ids().isEmpty()) {
            throw usage("--ids needs at least one node id");
        }
        return new BatchRequest(operation, selector, batchSize);
    }

    /** Reads {@code drain}, {@code DRAIN}, ...; a wrong name is a usage error listing the right ones. */
    static final class OperationConverter implements CommandLine.ITypeConverter<NodeOperation> {
        @Override
        public NodeOperation convert(String value) {
            try {
                return NodeOperation.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
