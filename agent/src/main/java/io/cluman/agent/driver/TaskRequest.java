package io.cluman.agent.driver;

import io.cluman.model.container.ContainerSpec;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a task runner asks a driver to start: one allocation of a container spec on this node.
 *
 * @param allocId the allocation's id: letters, digits, {@code . _ -}, at most 128 (it names the
 *                container and the process driver's task dir)
 * @param nodeId  this node's id; every runtime object carries it so {@link TaskDriver#recover} finds it
 * @param spec    what to run
 * @param auth    registry credentials for the image; null when none are needed
 */
public record TaskRequest(String allocId, String nodeId, ContainerSpec spec, RegistryAuth auth) {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    public TaskRequest {
        Objects.requireNonNull(spec, "spec");
        if (!isAllocId(allocId)) {
            throw new DriverException(DriverException.Reason.INVALID_SPEC, "allocation id '" + allocId
                    + "' is not usable: 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (nodeId == null || nodeId.isBlank()) {
            throw new DriverException(DriverException.Reason.INVALID_SPEC, "a task needs the id of its node");
        }
    }

    /** Whether {@code text} can be an allocation id here (it names containers and directories). */
    public static boolean isAllocId(String text) {
        return text != null && SAFE_ID.matcher(text).matches();
    }

    /** The spec's name, or {@code task} when it has none. */
    public String name() {
        return spec.name() == null || spec.name().isBlank() ? "task" : spec.name();
    }
}
