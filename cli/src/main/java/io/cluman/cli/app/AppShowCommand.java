package io.cluman.cli.app;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ApplicationView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cluman app show NAME [--source]}: services, replicas and warnings, or the compose text. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show an application: its services with replicas and what they wait for, and its warnings.")
public final class AppShowCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "Application name.")
    String name;

    @Option(names = "--source", description = "Print the compose file it was deployed from instead.")
    boolean source;

    @Override
    protected int run(ClumanClient client, Output output) {
        ApplicationView app = client.application(name);
        if (source && !output.isJson()) {
            output.line(app.source().stripTrailing());
        } else {
            output.object(app, () -> AppRows.details(app, output.now()));
        }
        return Main.OK;
    }
}
