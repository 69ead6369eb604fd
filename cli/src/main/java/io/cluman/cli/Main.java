package io.cluman.cli;

import io.cluman.cli.app.AppCommand;
import io.cluman.cli.cluster.ClusterCommand;
import io.cluman.cli.container.ContainerCommand;
import io.cluman.cli.events.EventsCommand;
import io.cluman.cli.job.JobCommand;
import io.cluman.cli.node.NodeCommand;
import io.cluman.cli.process.AgentCommand;
import io.cluman.cli.process.DevCommand;
import io.cluman.cli.process.ServerCommand;
import io.cluman.cli.check.CheckCommand;
import io.cluman.cli.registry.RegistryCommand;
import io.cluman.cli.token.TokenCommand;
import io.cluman.cli.service.ServiceCommand;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code cluman}: one program for the server, the agent, and the commands that talk to a server.
 *
 * <p>Exit codes: {@value #OK} ok, {@value #SERVER_ERROR} the server reported an error (or the job
 * failed), {@value #USAGE} usage error, {@value #UNREACHABLE} server unreachable.
 */
@Command(name = "cluman", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Cluman cluster manager: run a server or agent, or manage nodes, clusters, containers and jobs.",
        subcommands = {
            NodeCommand.class, ClusterCommand.class, ContainerCommand.class, ServiceCommand.class, RegistryCommand.class, CheckCommand.class, TokenCommand.class,
            io.cluman.cli.metrics.MetricsCommand.class,
            AppCommand.class, JobCommand.class,
            EventsCommand.class, ServerCommand.class, AgentCommand.class, DevCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 server-reported error, 2 usage error, 3 server unreachable.",
            "Start here: ./cluman dev, then ./cluman node ls in another terminal."})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int SERVER_ERROR = 1;
    public static final int USAGE = 2;
    public static final int UNREACHABLE = 3;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The whole command tree with Cluman's exit codes and error reporting; stdout/stderr can be replaced. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(100);
        cl.setUsageHelpAutoWidth(true);
        cl.setExecutionExceptionHandler(new ErrorReporter());
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExitCodeExceptionMapper(ErrorReporter::exitCode);
        shareVersion(cl, new VersionProvider());
        // Like docker run: what follows the image (or the program) is the container's, dashes and all.
        cl.getSubcommands().get("container").getSubcommands().get("run").setStopAtPositional(true);
        return cl;
    }

    /** A usage error: the message, any "did you mean", and where to read more; no wall of usage text. */
    private static int usageError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String message = String.valueOf(ex.getMessage());
        err.println("error: " + (message.startsWith("Error: ") ? message.substring("Error: ".length()) : message));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return USAGE;
    }

    /** So that {@code -V} on a subcommand prints the version too. */
    private static void shareVersion(CommandLine cl, VersionProvider provider) {
        cl.getCommandSpec().versionProvider(provider);
        cl.getSubcommands().values().forEach(sub -> shareVersion(sub, provider));
    }
}
