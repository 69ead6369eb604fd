package io.cluman.model.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What should run, independent of where: the merged result of image labels, cluster defaults and the
 * request.
 *
 * @param image   the image (docker); ignored by the process driver
 * @param command the program (process) or the entrypoint override (docker); empty: the image's
 * @param args    arguments; for docker they replace the image's command
 * @param ports   {@code host:container[/tcp|udp]} mappings, or a bare port
 * @param memory  memory limit in bytes, 0 for none
 * @param cpus    CPU limit in cores, 0 for none
 * @param restart {@code no}, {@code on-failure[:max]} or {@code always}
 * @param healthcheck how the agent checks it works; null: not checked
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContainerSpec(String name, DriverName driver, String image, List<String> command, List<String> args,
                            Map<String, String> env, List<String> ports, Map<String, String> labels, long memory,
                            double cpus, String restart, String workDir, HealthCheck healthcheck) {
    public ContainerSpec {
        command = command == null ? List.of() : List.copyOf(command);
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(new TreeMap<>(env));
        ports = ports == null ? List.of() : List.copyOf(ports);
        labels = labels == null ? Map.of() : Map.copyOf(new TreeMap<>(labels));
        restart = restart == null || restart.isBlank() ? "no" : restart;
        image = image == null ? "" : image;
        workDir = workDir == null ? "" : workDir;
    }

    /** A spec without a health check. */
    public ContainerSpec(String name, DriverName driver, String image, List<String> command, List<String> args,
                         Map<String, String> env, List<String> ports, Map<String, String> labels, long memory,
                         double cpus, String restart, String workDir) {
        this(name, driver, image, command, args, env, ports, labels, memory, cpus, restart, workDir, null);
    }
}
