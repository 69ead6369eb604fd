package io.cluman.cli.process;

import io.cluman.cli.Main;
import io.cluman.server.AgentPortSettings;
import io.cluman.server.ServerConfig;
import io.cluman.server.api.ApiOptions;
import io.cluman.server.api.RateLimit;
import io.cluman.server.ServerWiring;
import io.cluman.server.services.ReplacementPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cluman server}: the control plane (API, UI, controllers) until SIGINT/SIGTERM. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run a Cluman server (API, UI, controllers) until Ctrl-C.")
public final class ServerCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8761",
            description = "Port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = ".cluman",
            description = "Data directory: embedded store, admin.token, join.token (default ./${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--store", paramLabel = "SPEC", defaultValue = "embedded",
            description = "embedded, or etcd://host:port,host2:port2 (default ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--auto-commission", description = "Commission nodes as soon as they join.")
    boolean autoCommission;

    @Option(names = "--off-after", paramLabel = "DURATION", defaultValue = "15s", converter = DurationConverter.class,
            description = "A node without heartbeats this long is off (default ${DEFAULT-VALUE}).")
    Duration offAfter;

    @Option(names = "--lost-grace", paramLabel = "DURATION", defaultValue = "15s", converter = DurationConverter.class,
            description = "Replicas of a service whose node is off this long are placed again elsewhere"
                    + " (default ${DEFAULT-VALUE}).")
    Duration lostGrace;

    @Option(names = "--storm-share", paramLabel = "SHARE", defaultValue = "0.5",
            description = "When more than this share of a cluster's nodes are off at once, lost replicas wait for"
                    + " them instead of moving (default ${DEFAULT-VALUE}).")
    double stormShare;

    @Option(names = "--drain-no-room", paramLabel = "DURATION", defaultValue = "2m", converter = DurationConverter.class,
            description = "A drain whose replicas have had nowhere to go this long fails and says why; the node stays"
                    + " draining and they move once there is room (default ${DEFAULT-VALUE}).")
    Duration drainNoRoom;

    @Mixin
    ConfigGitOptions configGit;

    @Option(names = "--secret-key-file", paramLabel = "FILE",
            description = "Master key that seals registry passwords and the cluster CA's key (base64 of 32 bytes);"
                    + " servers sharing an etcd need the same one. Default: secret.key in the data directory, created"
                    + " at first start. The environment variable CLUMAN_MASTER_KEY, when set, takes precedence.")
    Path secretKeyFile;

    @Option(names = "--join-rate", paramLabel = "RATE", defaultValue = "50/s,200", converter = RateLimitConverter.class,
            description = "Agent join attempts per remote address: RATE/s[,BURST] or off (default ${DEFAULT-VALUE}).")
    RateLimit joinRate;

    @Option(names = "--auth-failure-rate", paramLabel = "RATE", defaultValue = "1/s,20",
            converter = RateLimitConverter.class, description = "Requests with a wrong or expired token per remote"
                    + " address before 429: RATE/s[,BURST] or off (default ${DEFAULT-VALUE}).")
    RateLimit authFailureRate;

    @Mixin
    TlsOptions tls;

    @Option(names = "--agent-port", paramLabel = "PORT", defaultValue = "8763",
            description = "Port where agents speak mutual TLS with their node certificates (default ${DEFAULT-VALUE};"
                    + " 0: any free port).")
    int agentPort;

    @Option(names = "--node-cert-ttl", paramLabel = "DURATION", defaultValue = "30d",
            converter = DurationConverter.class, description = "How long a node certificate is valid; agents renew"
                    + " it after two thirds (default ${DEFAULT-VALUE}).")
    Duration nodeCertTtl;

    @Option(names = "--agent-url", paramLabel = "URL", description = "https://host:port agents use for the agent"
            + " port when the host they join by is not right for it (a proxy or NAT between). Default: that host.")
    String agentUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ServerWiring wiring = ServerWiring.start(config(), InstantSource.system());
        PrintWriter out = spec.commandLine().getOut();
        out.print(Banner.server(wiring.url(), wiring.adminToken(), wiring.joinToken(), data, wiring.agentUrl()));
        out.flush();
        Lifetime.runUntilStopped(spec.commandLine().getErr(), List.of(wiring));
        return Main.OK;
    }

    /** The server's config; what it rejects (a port out of range, too short an off-after) is a usage error. */
    ServerConfig config() {
        if (!store.equals("embedded") && !store.startsWith("etcd://")) {
            throw new ParameterException(spec.commandLine(),
                    "--store must be embedded or etcd://host:port,..., was '" + store + "'");
        }
        if (secretKeyFile != null && !java.nio.file.Files.isRegularFile(secretKeyFile)) {
            throw new ParameterException(spec.commandLine(), "--secret-key-file " + secretKeyFile
                    + " does not exist: make one with 'head -c 32 /dev/urandom | base64 > " + secretKeyFile
                    + "' and give every server the same file");
        }
        try {
            ServerConfig defaults = ServerConfig.defaults(data);
            return new ServerConfig(bind, port, data, store, autoCommission, offAfter, defaults.minDiskFreeRatio(),
                    configGit.settings(), secretKeyFile, new ReplacementPolicy(lostGrace, stormShare, drainNoRoom),
                    new AgentPortSettings(agentPort, nodeCertTtl, agentUrl),
                    new ApiOptions(joinRate, authFailureRate, tls.tls()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
