package io.cluman.cli.container;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cluman container ls [--node N] [--cluster C] [--service S] [--application A]}. */
@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List containers.")
public final class ContainerLsCommand extends ClientCommand {
    @Option(names = "--node", paramLabel = "ID", description = "Only containers on this node.")
    String node;

    @Option(names = "--cluster", paramLabel = "C", description = "Only containers of this cluster.")
    String cluster;

    @Option(names = "--service", paramLabel = "S", description = "Only replicas of this service.")
    String service;

    @Option(names = "--application", paramLabel = "A", description = "Only containers of this application.")
    String application;

    @Override
    protected int run(ClumanClient client, Output output) {
        output.list(client.containers(filters()), containers -> ContainerRows.table(containers, output.now()));
        return Main.OK;
    }

    Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "node", node);
        put(filters, "cluster", cluster);
        put(filters, "service", service);
        put(filters, "application", application);
        return filters;
    }

    private static void put(Map<String, String> filters, String key, String value) {
        if (value != null && !value.isBlank()) {
            filters.put(key, value.strip());
        }
    }
}
