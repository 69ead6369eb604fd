package io.cluman.cli.app;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ApplicationView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cluman app stop|start NAME}: the two commands that move an application's state. */
public final class AppStateCommand {
    private AppStateCommand() {
    }

    /** {@code cluman app stop NAME}. */
    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop an application: every service scaled to 0, their replica counts remembered.")
    public static final class Stop extends ClientCommand {
        @Parameters(paramLabel = "NAME", description = "Application name.")
        String name;

        @Override
        protected int run(ClumanClient client, Output output) {
            ApplicationView app = client.stopApplication(name);
            output.done("stopped application " + name, app);
            return Main.OK;
        }
    }

    /** {@code cluman app start NAME}. */
    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start a stopped application: its services again, in depends_on order.")
    public static final class Start extends ClientCommand {
        @Parameters(paramLabel = "NAME", description = "Application name.")
        String name;

        @Override
        protected int run(ClumanClient client, Output output) {
            ApplicationView app = client.startApplication(name);
            output.done("starting application " + name + " (" + app.state().json() + ")", app);
            return Main.OK;
        }
    }
}
