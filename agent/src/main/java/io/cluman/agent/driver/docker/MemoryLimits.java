package io.cluman.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The memory limit of each container, read from the engine once: a container's limit does not change after its
 * creation, and the stats loop asks for it every round. Forgotten when the driver removes the container.
 */
final class MemoryLimits {
    private final Map<String, Long> byContainer = new ConcurrentHashMap<>();

    /** The container's memory limit in bytes, 0 when it has none; asks the engine the first time only. */
    long of(DockerClient docker, String containerId, String what) {
        Long known = byContainer.get(containerId);
        if (known != null) {
            return known;
        }
        long limit;
        try {
            InspectContainerResponse container = docker.inspectContainerCmd(containerId).exec();
            Long memory = container.getHostConfig() == null ? null : container.getHostConfig().getMemory();
            limit = memory == null ? 0 : memory;
        } catch (RuntimeException e) {
            throw DockerErrors.map(e, what);
        }
        byContainer.put(containerId, limit);
        return limit;
    }

    void forget(String containerId) {
        byContainer.remove(containerId);
    }
}
