package io.cluman.agent.driver.process;

import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.DriverException.Reason;
import io.cluman.agent.driver.PortMapping;
import io.cluman.agent.driver.TaskRequest;
import io.cluman.model.container.ContainerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task request checked for the process driver: the program exists and is executable, the working
 * dir exists, ports and limits make sense. The command line is the spec's command followed by its args;
 * the image is ignored. Ports are only checked to be free: a process binds what it wants.
 *
 * @param workDir the spec's working dir: an absolute one must exist, a relative one is made under the task
 *                dir; none: the task dir
 */
record ProcessSpec(List<String> command, Path workDir, Map<String, String> environment, List<PortMapping> ports,
                   long memory, double cpus) {
    ProcessSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        ports = List.copyOf(ports);
    }

    static ProcessSpec of(TaskRequest request, Path taskDir, Map<String, String> environment) {
        ContainerSpec spec = request.spec();
        if (spec.command().isEmpty() || spec.command().get(0).isBlank()) {
            throw invalid("the process driver needs a command (the program to run, then its arguments)");
        }
        if (spec.memory() < 0 || spec.cpus() < 0) {
            throw invalid("memory and cpus limits cannot be negative");
        }
        List<PortMapping> ports = PortMapping.parseAll(spec.ports());
        for (PortMapping port : ports) {
            if (port.hostPort() != port.containerPort()) {
                throw invalid("a process has no port mapping: " + port + " must be one port, e.g. "
                        + port.hostPort());
            }
        }
        Path workDir = taskDir.resolve(spec.workDir()); // blank: the task dir; relative: made under it
        if (Path.of(spec.workDir()).isAbsolute() && !Files.isDirectory(workDir)) {
            throw invalid("working dir " + workDir + " does not exist on this node");
        }
        List<String> command = new ArrayList<>(spec.command());
        command.addAll(spec.args());
        requireProgram(command.get(0), workDir, environment.get("PATH"));
        return new ProcessSpec(command, workDir, environment, ports, spec.memory(), spec.cpus());
    }

    private static void requireProgram(String program, Path workDir, String path) {
        if (program.contains("/")) {
            Path file = workDir.resolve(program);
            if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
                throw new DriverException(Reason.START_FAILED, "program " + file + " does not exist on this node "
                        + "or is not executable");
            }
            return;
        }
        if (onPath(program, path).isEmpty()) {
            throw new DriverException(Reason.START_FAILED, "program '" + program + "' is not on this node's PATH ("
                    + path + ")");
        }
    }

    /** Where {@code program} is on {@code path} (colon-separated dirs), as {@code execvp} finds it. */
    static Optional<Path> onPath(String program, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static DriverException invalid(String message) {
        return new DriverException(Reason.INVALID_SPEC, message);
    }
}
