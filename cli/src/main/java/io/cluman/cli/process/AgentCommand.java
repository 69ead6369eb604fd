package io.cluman.cli.process;

import io.cluman.agent.AgentConfig;
import io.cluman.client.ClientTls;
import io.cluman.agent.AgentWiring;
import io.cluman.agent.api.LocalApiConfig;
import io.cluman.cli.Main;
import io.cluman.cli.args.KeyValue;
import io.cluman.model.validation.FieldError;
import io.cluman.model.validation.ValidationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cluman agent --join URL --token T}: a node agent until SIGINT/SIGTERM (its tasks keep running).
 * The agent joins in the background, retrying while the server is away; a line says when it joined.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Run a node agent that joins a server, until Ctrl-C. Stopping it does not stop its tasks.")
public final class AgentCommand implements Callable<Integer> {
    /** The option behind each field of {@link AgentConfig}, to report its validation errors as usage errors. */
    private static final Map<String, String> OPTIONS = Map.of(
            "joinUrl", "--join", "token", "--token", "dataDir", "--data", "name", "--name", "labels", "--labels",
            "apiPort", "--api-port", "advertise", "--advertise", "statsInterval", "--stats-interval");

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

    @Option(names = "--api-port", paramLabel = "PORT", defaultValue = "8762",
            description = "Port of the agent's local API, which the server calls for logs and stats"
                    + " (default ${DEFAULT-VALUE}; 0: any free port).")
    int apiPort;

    @Option(names = "--api-bind", paramLabel = "ADDR", defaultValue = "0.0.0.0",
            description = "Address the local API listens on (default ${DEFAULT-VALUE}: every interface).")
    String apiBind;

    @Option(names = "--advertise", paramLabel = "HOST[:PORT]",
            description = "Address the server should call the local API at (default: the bind address, or this"
                    + " host's first address when bound to every interface).")
    String advertise;

    @Option(names = "--ca-file", paramLabel = "FILE", defaultValue = "${env:CLUMAN_CA_FILE}",
            description = "PEM certificate(s) to trust for an https:// server: its self-signed certificate or its CA"
                    + " (env CLUMAN_CA_FILE; default: the JDK's trusted CAs).")
    Path caFile;

    @Option(names = "--stats-interval", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class, description = "How often running tasks are sampled for the"
                    + " server's stats history (default ${DEFAULT-VALUE}; at least 1s).")
    Duration statsInterval;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        AgentWiring agent = new AgentWiring(config(), InstantSource.system());
        PrintWriter err = spec.commandLine().getErr();
        try {
            agent.start();
        } catch (RuntimeException e) {
            Lifetime.close(err, List.of(agent));
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("cluman agent is up: joining " + joinUrl + agent.nodeId().map(id -> " as node " + id).orElse(""));
        out.println("  data: " + data.toAbsolutePath().normalize());
        out.println("  local API: " + agent.apiAddress());
        out.println("Ctrl-C stops the agent; its tasks keep running.");
        out.flush();
        agent.joined().thenAccept(id -> {
            out.println("joined: node " + id);
            out.flush();
        });
        Lifetime.runUntilStopped(err, List.of(agent));
        return Main.OK;
    }

    /** The agent's config; what it rejects is a usage error naming the options at fault. */
    AgentConfig config() {
        try {
            if (caFile != null) {
                ClientTls.trusting(caFile);
            }
            return new AgentConfig(joinUrl, token, data, name == null || name.isBlank() ? null : name.strip(),
                    KeyValue.toMap(labels), new LocalApiConfig(apiBind, apiPort, advertise), caFile, statsInterval);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--ca-file " + e.getMessage()
                    + ": give the server's certificate or its CA in PEM");
        } catch (ValidationException e) {
            throw new ParameterException(spec.commandLine(), e.errors().stream().map(AgentCommand::describe)
                    .collect(Collectors.joining("; ")));
        }
    }

    private static String describe(FieldError error) {
        String field = error.field();
        int dot = field.indexOf('.');
        String head = dot < 0 ? field : field.substring(0, dot);
        return OPTIONS.getOrDefault(head, field) + (dot < 0 ? "" : " " + field.substring(dot + 1)) + ": "
                + error.message();
    }
}
