package io.cluman.cli.process;

import io.cluman.agent.AgentConfig;
import io.cluman.agent.AgentWiring;
import io.cluman.agent.api.LocalApiConfig;
import io.cluman.cli.Main;
import io.cluman.model.validation.ValidationException;
import io.cluman.server.AgentPortSettings;
import io.cluman.server.ServerConfig;
import io.cluman.server.api.ApiOptions;
import io.cluman.server.ServerWiring;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cluman dev}: a server with auto-commission and one local agent in one process, on the
 * embedded store, for trying Cluman out. The agent keeps its data in {@code <data>/agent}.
 */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = "Run a server and one local agent in one process (embedded store, auto-commission),"
                + " until Ctrl-C.")
public final class DevCommand implements Callable<Integer> {
    /** How long to wait for the local agent's first join before printing the banner anyway. */
    static final Duration JOIN_WAIT = Duration.ofSeconds(10);

    @Option(names = "--data", paramLabel = "DIR", defaultValue = ".cluman",
            description = "Data directory; the agent uses DIR/agent (default ./${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8761",
            description = "Port (default ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    ConfigGitOptions configGit;
    @Option(names = "--api-port", paramLabel = "PORT", defaultValue = "8762",
            description = "Port of the local agent's API on 127.0.0.1 (default ${DEFAULT-VALUE}; 0: any free port).")
    int apiPort;

    @Mixin
    TlsOptions tls;

    @Option(names = "--agent-port", paramLabel = "PORT", defaultValue = "8763",
            description = "Port where agents speak mutual TLS (default ${DEFAULT-VALUE}; 0: any free port).")
    int agentPort;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        InstantSource clock = InstantSource.system();
        PrintWriter err = spec.commandLine().getErr();
        ServerConfig config;
        try {
            ServerConfig d = ServerConfig.defaults(data);
            config = new ServerConfig(d.bindHost(), port, d.dataDir(), d.storeSpec(), true, d.offAfter(),
                    d.minDiskFreeRatio(), configGit.settings(), null).withApi(ApiOptions.DEFAULTS.withTls(tls.tls()))
                    .withAgents(AgentPortSettings.DEFAULT.withPort(agentPort));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        LocalApiConfig localApi;
        try {
            localApi = new LocalApiConfig("127.0.0.1", apiPort, null);
        } catch (ValidationException e) {
            throw new ParameterException(spec.commandLine(), "--api-port: " + e.errors().get(0).message());
        }
        ServerWiring server = ServerWiring.start(config, clock);
        AgentWiring agent;
        try {
            // with --tls-cert the local agent trusts that certificate (it must name 127.0.0.1); with --tls auto the CA
            agent = new AgentWiring(new AgentConfig(server.url(), server.joinToken(), data.resolve("agent"), null,
                    Map.of(), localApi, tls.trustFile(data).orElse(null)), clock);
        } catch (RuntimeException e) {
            Lifetime.close(err, List.of(server));
            throw e;
        }
        try {
            agent.start();
        } catch (RuntimeException e) {
            Lifetime.close(err, List.of(agent, server));
            throw e;
        }
        agent.awaitJoined(JOIN_WAIT);
        PrintWriter out = spec.commandLine().getOut();
        out.print(banner(server.url(), server.adminToken(), agent.nodeId().orElse("still joining")));
        out.flush();
        Lifetime.runUntilStopped(err, List.of(agent, server));
        return Main.OK;
    }

    static String banner(String url, String adminToken, String nodeId) {
        return "cluman dev is up: a server and one agent (node " + nodeId + ")\n"
                + "  API and UI:   " + Banner.base(url) + "/\n"
                + "  Swagger UI:   " + Banner.swaggerUi(url) + "\n"
                + "  admin token:  " + adminToken + "\n"
                + "try: ./cluman node ls\n"
                + "Ctrl-C stops both.\n";
    }
}
