package io.cluman.cli.process;

import io.cluman.agent.AgentConfig;
import io.cluman.agent.AgentWiring;
import io.cluman.cli.Main;
import io.cluman.cli.args.KeyValue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cluman agent --join URL --token T}: a node agent until SIGINT/SIGTERM (its tasks keep running). */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Run a node agent that joins a server, until Ctrl-C. Stopping it does not stop its tasks.")
public final class AgentCommand implements Callable<Integer> {
    @Option(names = "--join", required = true, paramLabel = "URL", description = "Server to join.")
    String joinUrl;

    @Option(names = "--token", required = true, paramLabel = "T", description = "Join token (the server's join.token).")
    String token;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = ".cluman-agent",
            description = "Agent data directory (default ./${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--name", paramLabel = "N", description = "Node name (default: the host name).")
    String name;

    @Option(names = "--labels", paramLabel = "k=v", split = ",", converter = KeyValue.Converter.class,
            description = "Node labels, k=v,k2=v2.")
    List<KeyValue> labels = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        AgentConfig config = new AgentConfig(joinUrl, token, data, name == null || name.isBlank() ? Hostname.local() : name,
                KeyValue.toMap(labels));
        AgentWiring agent = new AgentWiring(config, InstantSource.system());
        PrintWriter err = spec.commandLine().getErr();
        try {
            agent.start();
        } catch (RuntimeException e) {
            Lifetime.close(err, List.of(agent));
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("cluman agent is up: node " + agent.nodeId() + " (" + config.name() + ") joined " + joinUrl);
        out.println("  data: " + data.toAbsolutePath().normalize());
        out.println("Ctrl-C stops the agent; its tasks keep running.");
        out.flush();
        Lifetime.runUntilStopped(err, List.of(agent));
        return Main.OK;
    }
}
