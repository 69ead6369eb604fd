package io.cluman.cli.container;

import io.cluman.cli.Main;
import io.cluman.cli.args.KeyValue;
import io.cluman.cli.output.Output;
import io.cluman.cli.remote.ClientCommand;
import io.cluman.cli.remote.Sleeper;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.ResourceRequest;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import io.cluman.model.validation.Sizes;
import io.cluman.model.validation.Validator;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code cluman container run [options] IMAGE [ARGS...]} and
 * {@code cluman container run --driver process [options] -- CMD [ARGS...]}. Options go before the
 * image or command: what follows it is the container's (see {@link Main#commandLine()}, which makes
 * this command stop parsing options at the first positional, as {@code docker run} does).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a container on a node or cluster: a Docker image, or a plain process"
                + " with --driver process.",
            "Options go before IMAGE (or CMD); everything after it is passed to the container."},
        footer = {"", "Examples:",
            "  cluman container run --name web -p 8080:80 --memory 256M nginx:1.27",
            "  cluman container run --cluster batch --restart on-failure:3 alpine sh -c 'echo hi'",
            "  cluman container run --name api --health-http 8080/health --health-interval 5s my/api:2",
            "  cluman container run --driver process --node n-1 --wait -- /bin/sleep 60"})
public final class ContainerRunCommand extends ClientCommand {
    static final Pattern RESTART = Pattern.compile("no|always|on-failure(?::\\d{1,4})?");
    static final Pattern PORT = Pattern.compile("(?:(\\d{1,5}):)?(\\d{1,5})(?:/(?:tcp|udp))?");

    @Option(names = "--name", paramLabel = "NAME",
            description = "Container name, a DNS label (default: the image's or program's name and a random suffix).")
    String name;

    @Option(names = "--driver", paramLabel = "D", defaultValue = "docker", converter = DriverConverter.class,
            description = "docker (default: IMAGE [ARGS...]) or process (-- CMD [ARGS...]).")
    DriverName driver = DriverName.DOCKER;

    @ArgGroup(exclusive = true)
    Placement placement;

    @Option(names = {"-e", "--env"}, paramLabel = "K=V", converter = EnvConverter.class,
            description = "An environment variable (repeat).")
    List<EnvVar> env = new ArrayList<>();

    @Option(names = {"-p", "--publish"}, paramLabel = "HOST:CONTAINER", converter = PortConverter.class,
            description = "Publish a port: host:container[/tcp|udp], or a port (repeat).")
    List<String> ports = new ArrayList<>();

    @Option(names = {"-l", "--label"}, paramLabel = "k=v", converter = KeyValue.Converter.class,
            description = "A label (repeat).")
    List<KeyValue> labels = new ArrayList<>();

    @Option(names = "--memory", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Memory limit: bytes or a size such as 512M or 1.5G.")
    String memory;

    @Option(names = "--cpus", paramLabel = "N", description = "CPU limit in cores, e.g. 0.5.")
    Double cpus;

    @Option(names = "--restart", paramLabel = "POLICY", converter = RestartConverter.class,
            description = "no (default), always, on-failure or on-failure:N.")
    String restart;

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory of the container.")
    String workDir;

    @Mixin
    HealthOptions health = new HealthOptions();

    @Option(names = "--wait", description = "Wait until it runs, exits or fails (at most 120 s); exit 1 if it fails.")
    boolean wait;

    @Parameters(arity = "0..*", paramLabel = "IMAGE|CMD",
            description = "docker: the image, then its arguments; process: the program, then its arguments.")
    List<String> words = new ArrayList<>();

    /** Polls between status reads with --wait; replaced in tests. */
    Sleeper sleeper = Sleeper.SYSTEM;

    /** Where exactly one of: a node, or a cluster (neither: any eligible node). */
    static final class Placement {
        @Option(names = "--node", required = true, paramLabel = "ID", description = "Run on this node.")
        String node;

        @Option(names = "--cluster", required = true, paramLabel = "C",
                description = "Run on the least-loaded eligible node of this cluster.")
        String cluster;
    }

    @Override
    protected int run(ClumanClient client, Output output) {
        ContainerRequest request = request();
        ContainerView created = client.createContainer(request);
        if (!wait) {
            output.object(created, () -> ContainerRows.details(created, output.now()));
            return Main.OK;
        }
        ContainerWaiter.Outcome outcome = new ContainerWaiter(client::container, sleeper, InstantSource.system(),
                err()).await(created);
        ContainerView c = outcome.container();
        output.object(c, () -> ContainerRows.details(c, output.now()));
        if (!outcome.settled()) {
            err().println("error: container " + c.name() + " is still "
                    + (c.status() == null ? "unreported" : c.status().name().toLowerCase(Locale.ROOT))
                    + " after " + ContainerWaiter.LIMIT.toSeconds() + "s; follow it with: cluman container show "
                    + c.name());
            err().flush();
            return Main.SERVER_ERROR;
        }
        if (c.status() == TaskState.FAILED || c.status() == TaskState.LOST) {
            err().println("error: container " + c.name() + " " + c.status().name().toLowerCase(Locale.ROOT)
                    + (c.exitCode() == null ? "" : " with exit code " + c.exitCode())
                    + (c.lastError() == null || c.lastError().isBlank() ? "" : ": " + c.lastError().strip()));
            err().flush();
            return Main.SERVER_ERROR;
        }
        return Main.OK;
    }

    ContainerRequest request() {
        if (words.isEmpty()) {
            throw usage(driver == DriverName.PROCESS
                    ? "Give the command to run: cluman container run --driver process -- CMD [ARGS...]"
                    : "Give the IMAGE to run (or --driver process -- CMD [ARGS...] for a plain process)");
        }
        if (words.get(0).isBlank()) {
            throw usage(driver == DriverName.PROCESS ? "The program to run is empty" : "The image is empty");
        }
        String containerName = name == null ? ContainerNames.derive(words.get(0)) : name.strip();
        if (!Validator.isDnsLabel(containerName)) {
            throw usage("--name '" + name + "' is not a DNS label: use 1-63 lower-case letters, digits and '-',"
                    + " starting and ending with a letter or digit");
        }
        if (cpus != null && (cpus.isNaN() || cpus <= 0 || cpus > 1024)) {
            throw usage("--cpus must be more than 0 and at most 1024 cores, was " + cpus);
        }
        String image = null;
        List<String> command = null;
        List<String> args = null;
        if (driver == DriverName.DOCKER) {
            image = words.get(0).strip();
            args = words.size() > 1 ? List.copyOf(words.subList(1, words.size())) : null;
        } else {
            command = List.copyOf(words);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        env.forEach(e -> environment.put(e.key(), e.value()));
        Map<String, String> labelMap = KeyValue.toMap(labels);
        ResourceRequest resources = memory == null && cpus == null ? null : new ResourceRequest(cpus, memory);
        return new ContainerRequest(containerName, driver, image, command, args,
                placement == null ? null : placement.node, placement == null ? null : placement.cluster,
                environment.isEmpty() ? null : environment, ports.isEmpty() ? null : List.copyOf(ports),
                labelMap.isEmpty() ? null : labelMap, resources, restart, blankToNull(workDir),
                health.request(this::usage));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** One {@code -e K=V}: the value is kept as typed (blanks included), the key must be a name. */
    record EnvVar(String key, String value) {
    }

    static final class EnvConverter implements CommandLine.ITypeConverter<EnvVar> {
        @Override
        public EnvVar convert(String text) {
            int eq = text.indexOf('=');
            if (eq < 0) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not K=V");
            }
            String key = text.substring(0, eq);
            if (key.isEmpty()) {
                throw new CommandLine.TypeConversionException("'" + text + "' has an empty name (want K=V)");
            }
            if (key.chars().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch))) {
                throw new CommandLine.TypeConversionException("'" + text + "' has blanks in its name");
            }
            return new EnvVar(key, text.substring(eq + 1));
        }
    }

    static final class PortConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String text) {
            String port = text.strip();
            Matcher m = PORT.matcher(port);
            if (m.matches()) {
                int container = Integer.parseInt(m.group(2));
                int host = m.group(1) == null ? container : Integer.parseInt(m.group(1));
                if (container >= 1 && container <= 65535 && host >= 1 && host <= 65535) {
                    return port;
                }
            }
            throw new CommandLine.TypeConversionException("'" + text
                    + "' is not a port mapping: use host:container (8080:80), host:container/udp, or a port");
        }
    }

    static final class SizeConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String text) {
            try {
                Sizes.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
            return text.strip();
        }
    }

    static final class RestartConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String text) {
            String policy = text.strip().toLowerCase(Locale.ROOT);
            if (!RESTART.matcher(policy).matches()) {
                throw new CommandLine.TypeConversionException("'" + text
                        + "' is not a restart policy: use no, always, on-failure or on-failure:N");
            }
            return policy;
        }
    }

    static final class DriverConverter implements CommandLine.ITypeConverter<DriverName> {
        @Override
        public DriverName convert(String text) {
            try {
                return DriverName.parse(text.strip());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
