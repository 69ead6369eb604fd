package io.cluman.agent.driver.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.PortMapping;
import io.cluman.agent.driver.TaskLabels;
import io.cluman.agent.driver.TaskRequest;
import io.cluman.model.container.ContainerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How one task request becomes a container: its name, labels, environment, command, limits and
 * network. Pure: built and checked without the engine, then applied to a create command.
 *
 * <ul>
 *   <li>name {@code cluman-<name>-<allocId>}; labels: the spec's, then {@code cluman.alloc},
 *       {@code cluman.node}, {@code cluman.name}, {@code cluman.ports} (these win);</li>
 *   <li>a given command replaces the image's entrypoint, given args its command;</li>
 *   <li>memory limit without extra swap, CPU as NanoCPUs;</li>
 *   <li>an init process ({@code docker-init}) as PID 1, so signals reach the task as they would a plain
 *       process;</li>
 *   <li>no Docker restart policy: restarts are the task runner's;</li>
 *   <li>network {@code host} unless the spec's {@code cluman.network} label says {@code none} or
 *       {@code bridge}; on host a port is the container's own (host and container side must match);</li>
 *   <li>json-file logs rotated at 10 MiB, three files.</li>
 * </ul>
 */
record ContainerPlan(String name, String image, Map<String, String> labels, List<String> env, List<String> entrypoint,
                     List<String> cmd, String workDir, String network, List<PortMapping> ports, long memory,
                     long nanoCpus) {
    static final String PREFIX = "cluman-";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    private static final List<String> NETWORKS = List.of("host", "none", "bridge");

    static ContainerPlan of(TaskRequest request) {
        ContainerSpec spec = request.spec();
        if (spec.image().isBlank()) {
            throw invalid("the docker driver needs an image");
        }
        if (!NAME.matcher(request.name()).matches()) {
            throw invalid("'" + request.name() + "' cannot name a container: use letters, digits, '_', '.', '-'");
        }
        String network = spec.labels().getOrDefault(TaskLabels.NETWORK, "host").strip();
        if (!NETWORKS.contains(network)) {
            throw invalid("network '" + network + "' (label " + TaskLabels.NETWORK + ") is not one of " + NETWORKS);
        }
        List<PortMapping> ports = PortMapping.parseAll(spec.ports());
        checkPorts(network, ports);
        if (spec.memory() < 0 || spec.cpus() < 0) {
            throw invalid("memory and cpus limits cannot be negative");
        }
        Map<String, String> labels = new TreeMap<>(spec.labels());
        labels.put(TaskLabels.ALLOC, request.allocId());
        labels.put(TaskLabels.NODE, request.nodeId());
        labels.put(TaskLabels.NAME, request.name());
        labels.put(TaskLabels.PORTS, ports.stream().map(PortMapping::toString).collect(Collectors.joining(",")));
        Map<String, String> env = new TreeMap<>(spec.env());
        env.putAll(TaskLabels.environment(request));
        return new ContainerPlan(PREFIX + request.name() + "-" + request.allocId(), spec.image(), labels,
                env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(),
                spec.command().isEmpty() ? null : spec.command(), spec.args().isEmpty() ? null : spec.args(),
                spec.workDir().isBlank() ? null : spec.workDir(), network, ports, spec.memory(),
                Math.round(spec.cpus() * 1_000_000_000L));
    }

    private static void checkPorts(String network, List<PortMapping> ports) {
        for (PortMapping port : ports) {
            if ("none".equals(network)) {
                throw invalid("port " + port + " cannot be published on network none");
            }
            if ("host".equals(network) && port.hostPort() != port.containerPort()) {
                throw invalid("on the host network a container's port is the host's: " + port.hostPort() + ":"
                        + port.containerPort() + " cannot be mapped; use " + port.containerPort() + " or label "
                        + TaskLabels.NETWORK + "=bridge on an engine with a bridge");
            }
        }
    }

    /** Fills a create command with this plan. */
    CreateContainerCmd applyTo(CreateContainerCmd create) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode(network)
                .withInit(true)
                .withRestartPolicy(RestartPolicy.noRestart())
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE,
                        new LinkedHashMap<>(Map.of("max-size", "10m", "max-file", "3"))));
        if (memory > 0) {
            host.withMemory(memory).withMemorySwap(memory);
        }
        if (nanoCpus > 0) {
            host.withNanoCPUs(nanoCpus);
        }
        List<ExposedPort> exposed = new ArrayList<>();
        Ports bindings = new Ports();
        for (PortMapping port : ports) {
            ExposedPort container = new ExposedPort(port.containerPort(), InternetProtocol.parse(port.protocol()));
            exposed.add(container);
            if ("bridge".equals(network)) {
                bindings.bind(container, Ports.Binding.bindPort(port.hostPort()));
            }
        }
        if ("bridge".equals(network) && !ports.isEmpty()) {
            host.withPortBindings(bindings);
        }
        create.withName(name).withLabels(labels).withEnv(env).withHostConfig(host);
        if (!exposed.isEmpty()) {
            create.withExposedPorts(exposed);
        }
        if (entrypoint != null) {
            create.withEntrypoint(entrypoint);
        }
        if (cmd != null) {
            create.withCmd(cmd);
        }
        if (workDir != null) {
            create.withWorkingDir(workDir);
        }
        return create;
    }


    private static DriverException invalid(String message) {
        return new DriverException(DriverException.Reason.INVALID_SPEC, message);
    }
}
