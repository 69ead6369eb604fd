package io.cluman.cli.node;

import io.cluman.cli.Main;
import io.cluman.cli.args.KeyValue;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.node.NodeState;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cluman node ls [--cluster C] [--state S] [--on true|false] [--label k=v]}. */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List nodes.")
public final class NodeLsCommand extends ClientCommand {
    @Option(names = "--cluster", paramLabel = "C", description = "Only nodes of this cluster.")
    String cluster;

    @Option(names = "--state", paramLabel = "S", description = "Only nodes in this state: ${COMPLETION-CANDIDATES}.")
    NodeState state;

    @Option(names = "--on", paramLabel = "true|false", arity = "1", description = "Only nodes that are on (or off).")
    Boolean on;

    @Option(names = "--label", paramLabel = "k=v", converter = KeyValue.Converter.class,
            description = "Only nodes with this label.")
    KeyValue label;

    @Override
    protected int run(ClumanClient client, Output output) {
        output.list(client.nodes(filters()), nodes -> NodeRows.table(nodes, output.now()));
        return Main.OK;
    }

    Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        if (cluster != null) {
            filters.put("cluster", cluster);
        }
        if (state != null) {
            filters.put("state", state.name());
        }
        if (on != null) {
            filters.put("on", on.toString());
        }
        if (label != null) {
            filters.put("label", label.toString());
        }
        return filters;
    }
}
