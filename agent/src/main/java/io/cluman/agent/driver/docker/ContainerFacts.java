package io.cluman.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.InternetProtocol;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the stats loop needs of each container beyond its stats, read from the engine once per container and
 * kept: its memory limit (fixed at creation), the pid of its main process (for its network namespace) and its
 * published TCP ports on the container's side. Forgotten when the driver removes the container, or when its
 * pid no longer answers (the engine restarted it).
 */
final class ContainerFacts {
    /**
     * @param memoryLimit bytes, 0 without a limit
     * @param pid         the main process on the host, 0 when it does not run
     * @param tcpPorts    published TCP ports, container side
     */
    record Facts(long memoryLimit, long pid, Set<Integer> tcpPorts) {
    }

    private final Map<String, Facts> byContainer = new ConcurrentHashMap<>();

    /** The container's facts; asks the engine the first time only. */
    Facts of(DockerClient docker, String containerId, String what) {
        Facts known = byContainer.get(containerId);
        if (known != null) {
            return known;
        }
        Facts facts;
        try {
            facts = read(docker.inspectContainerCmd(containerId).exec());
        } catch (RuntimeException e) {
            throw DockerErrors.map(e, what);
        }
        if (facts.pid() > 0) {
            byContainer.put(containerId, facts);
        }
        return facts;
    }

    static Facts read(InspectContainerResponse container) {
        Long memory = container.getHostConfig() == null ? null : container.getHostConfig().getMemory();
        Long pid = container.getState() == null ? null : container.getState().getPidLong();
        // exposed on every network (the host network publishes without bindings): the container's side
        ExposedPort[] exposed = container.getConfig() == null ? null : container.getConfig().getExposedPorts();
        Set<Integer> ports = exposed == null ? Set.of() : Arrays.stream(exposed)
                .filter(p -> p.getProtocol() == InternetProtocol.TCP).map(ExposedPort::getPort)
                .collect(Collectors.toUnmodifiableSet());
        return new Facts(memory == null ? 0 : memory, pid == null ? 0 : pid, ports);
    }

    void forget(String containerId) {
        byContainer.remove(containerId);
    }
}
