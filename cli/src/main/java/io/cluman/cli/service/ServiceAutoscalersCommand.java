package io.cluman.cli.service;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import picocli.CommandLine.Command;

/** {@code cluman service autoscalers}: SERVICE REPLICAS BOUNDS METRIC TARGET NOW DECIDED. */
@Command(name = "autoscalers", mixinStandardHelpOptions = true,
        description = "List autoscaled services with their bounds, target, load now and last decision.")
public final class ServiceAutoscalersCommand extends ClientCommand {
    @Override
    protected int run(ClumanClient client, Output output) {
        output.list(client.autoscalers(), AutoscaleRows::table);
        return Main.OK;
    }
}
