package io.cluman.cli.container;

import io.cluman.cli.args.KeyValue;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ResourceRequest;
import io.cluman.model.container.DriverName;
import io.cluman.model.validation.Sizes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * What runs in a container and how — driver, environment, ports, labels, limits, restart policy, working
 * directory, health check — as options shared by {@code container run} and {@code service create}.
 * The words after the options (the image and its arguments, or the program) are the command's.
 */
public final class ContainerOptions {
    static final Pattern RESTART = Pattern.compile("no|always|on-failure(?::\\d{1,4})?");
    static final Pattern PORT = Pattern.compile("(?:(\\d{1,5}):)?(\\d{1,5})(?:/(?:tcp|udp))?");

    @Option(names = "--driver", paramLabel = "D", defaultValue = "docker", converter = DriverConverter.class,
            description = "docker (default: IMAGE [ARGS...]) or process (-- CMD [ARGS...]).")
    DriverName driver = DriverName.DOCKER;

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

    /**
     * The container request for {@code words} (docker: the image, then its arguments; process: the
     * program, then its arguments).
     *
     * @param usage turns a message into the calling command's usage error
     */
    public ContainerRequest request(String name, String node, String cluster, List<String> words,
                                    Function<String, CommandLine.ParameterException> usage) {
        if (cpus != null && (cpus.isNaN() || cpus <= 0 || cpus > 1024)) {
            throw usage.apply("--cpus must be more than 0 and at most 1024 cores, was " + cpus);
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
        return new ContainerRequest(name, driver, image, command, args, node, cluster,
                environment.isEmpty() ? null : environment, ports.isEmpty() ? null : List.copyOf(ports),
                labelMap.isEmpty() ? null : labelMap, resources, restart, blankToNull(workDir),
                health.request(usage));
    }

    /** The first of the words is missing or blank: the usage error that says what to give. */
    public String missingWhat(List<String> words, String commandLine) {
        if (words.isEmpty()) {
            return driver == DriverName.PROCESS ? "Give the command to run: " + commandLine
                    + " --driver process -- CMD [ARGS...]" : "Give the IMAGE to run (or --driver process -- CMD"
                    + " [ARGS...] for a plain process)";
        }
        if (words.get(0).isBlank()) {
            return driver == DriverName.PROCESS ? "The program to run is empty" : "The image is empty";
        }
        return null;
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
