package io.cluman.cli.check;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.CheckView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman check show NAME}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a check, its node and last result.")
public final class CheckShowCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "Check name.")
    String name;

    @Override
    protected int run(ClumanClient client, Output output) {
        CheckView check = client.check(name);
        output.object(check, () -> CheckRows.details(check, output.now()));
        return Main.OK;
    }
}
