package io.cluman.cli.container;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ContainerView;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cluman container start|stop|restart NAME}: changes what the container should be doing; its
 * node's agent acts on the new generation. Prints the desired state and generation (JSON: the container).
 */
public abstract class ContainerActionCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "Container name.")
    String name;

    /** The wire name of the action: {@code start}, {@code stop} or {@code restart}. */
    abstract String action();

    @Override
    protected int run(ClumanClient client, Output output) {
        ContainerView c = client.containerAction(name, action());
        output.done(summary(action(), c), c);
        return Main.OK;
    }

    /** {@code container web-1: stop requested, desired stopped, generation 4}. */
    static String summary(String action, ContainerView c) {
        return "container " + (c.name() == null ? "" : c.name()) + ": " + action + " requested, desired "
                + (c.desired() == null ? "-" : c.desired().name().toLowerCase(Locale.ROOT))
                + ", generation " + c.generation();
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start a stopped container.")
    public static final class Start extends ContainerActionCommand {
        @Override
        String action() {
            return "start";
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a container, keeping it.")
    public static final class Stop extends ContainerActionCommand {
        @Override
        String action() {
            return "stop";
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true, description = "Restart a container.")
    public static final class Restart extends ContainerActionCommand {
        @Override
        String action() {
            return "restart";
        }
    }
}
