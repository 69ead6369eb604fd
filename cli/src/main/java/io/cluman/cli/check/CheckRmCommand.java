package io.cluman.cli.check;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman check rm NAME}. */
@Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a check; its agent stops running it.")
public final class CheckRmCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "Check name.")
    String name;

    @Override
    protected int run(ClumanClient client, Output output) {
        client.deleteCheck(name);
        output.done("removed check " + name, null);
        return Main.OK;
    }
}
