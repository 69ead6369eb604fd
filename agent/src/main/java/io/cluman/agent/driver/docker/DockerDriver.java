package io.cluman.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.cluman.agent.driver.DockerProbe;
import io.cluman.agent.driver.DriverException.Reason;
import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.ExecResult;
import io.cluman.agent.driver.ExecSource;
import io.cluman.agent.driver.ImageLabels;
import io.cluman.agent.driver.LogSource;
import io.cluman.agent.driver.PortMapping;
import io.cluman.agent.driver.RegistryAuth;
import io.cluman.agent.driver.Signals;
import io.cluman.agent.driver.StatsSource;
import io.cluman.agent.driver.TaskDriver;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskLabels;
import io.cluman.agent.driver.TaskRequest;
import io.cluman.agent.driver.TaskStats;
import io.cluman.agent.driver.TaskStatus;
import io.cluman.agent.driver.UnmanagedTask;
import io.cluman.model.container.TaskState;
import io.cluman.model.node.DriverHealth;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code docker} driver: tasks are containers of a Docker Engine reached over its unix socket
 * with docker-java. How a spec becomes a container is {@link ContainerPlan}'s; images are pulled by
 * {@link ImagePuller}. Containers outlive the agent; a new agent finds them by their labels.
 *
 * <p>Thread-safe: docker-java's client is, and the driver keeps no other state. The constructor does no
 * I/O; the first call connects.
 */
public final class DockerDriver implements TaskDriver, LogSource, StatsSource, ExecSource, ImageLabels {
    public static final String NAME = DockerProbe.NAME;
    /** How long an image pull may take before start gives up with PULL_FAILED. */
    public static final Duration DEFAULT_PULL_TIMEOUT = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(DockerDriver.class);
    /** How long {@link #await} waits between looks when the engine's events cannot be followed. */
    private static final Duration NO_EVENTS_POLL = Duration.ofSeconds(1);

    private final Path socket;
    private final DockerProbe probe;
    private final DockerClient docker;
    private final ImagePuller images;
    private final InstantSource clock;
    private final ContainerExits exits;
    private final ContainerStop stops;
    private final ContainerFacts facts = new ContainerFacts();

    public DockerDriver(Path socket) {
        this(socket, DEFAULT_PULL_TIMEOUT, InstantSource.system());
    }

    /**
     * @param pullTimeout how long an image pull may take
     * @param clock       stamps stats samples the engine leaves without a time
     */
    public DockerDriver(Path socket, Duration pullTimeout, InstantSource clock) {
        this.socket = socket;
        this.clock = clock;
        this.probe = new DockerProbe(socket);
        this.docker = client(socket);
        this.images = new ImagePuller(docker, pullTimeout);
        this.exits = new ContainerExits(docker);
        this.stops = new ContainerStop(docker, exits, this);
    }

    private static DockerClient client(Path socket) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost("unix://" + socket.toAbsolutePath())
                .withDockerTlsVerify(false)
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** The engine's socket this driver talks to. */
    public Path socket() {
        return socket;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DriverHealth health() {
        return probe.health();
    }

    @Override
    public TaskHandle start(TaskRequest request) {
        ContainerPlan plan = ContainerPlan.of(request);
        if ("bridge".equals(plan.network())) {
            requireBridge();
        }
        PortMapping.requireFree(plan.ports(), "container " + plan.name());
        long t0 = System.nanoTime();
        String id = create(plan, request.auth());
        long t1 = System.nanoTime();
        try {
            docker.startContainerCmd(id).exec();
            LOG.debug("container {}: create {} ms, start {} ms", plan.name(), (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000);
        } catch (RuntimeException e) {
            removeQuietly(id);
            DriverException mapped = DockerErrors.map(e, "starting container " + plan.name());
            throw mapped.reason() == Reason.ENGINE_UNAVAILABLE ? mapped
                    : new DriverException(Reason.START_FAILED, mapped.getMessage(), e);
        }
        LOG.info("started container {} ({}) for alloc {}", plan.name(), shortId(id), request.allocId());
        return new TaskHandle(NAME, request.allocId(), id, request.name());
    }

    /**
     * Creates the container, pulling its image first only when the engine says it has none (as {@code docker
     * run} does): a node that has the image pays one engine call, not two.
     */
    private String create(ContainerPlan plan, RegistryAuth auth) {
        try {
            return createOnce(plan);
        } catch (NotFoundException noImage) {
            images.ensure(plan.image(), auth);
            try {
                return createOnce(plan);
            } catch (NotFoundException e) {
                throw DockerErrors.map(e, "creating container " + plan.name());
            }
        }
    }

    /** One create; a missing image is the engine's {@link NotFoundException}, left to the caller. */
    private String createOnce(ContainerPlan plan) {
        try {
            CreateContainerResponse created = plan.applyTo(docker.createContainerCmd(plan.image())).exec();
            return created.getId();
        } catch (NotFoundException e) {
            throw e;
        } catch (ConflictException e) {
            throw new DriverException(Reason.CONFLICT, "a container named " + plan.name() + " exists already: "
                    + "destroy the allocation's old task first (" + DockerErrors.engineMessage(e) + ")", e);
        } catch (RuntimeException e) {
            throw DockerErrors.map(e, "creating container " + plan.name());
        }
    }

    private void requireBridge() {
        try {
            boolean found = docker.listNetworksCmd().withNameFilter("bridge").exec().stream()
                    .anyMatch(n -> "bridge".equals(n.getName()));
            if (!found) {
                throw new DriverException(Reason.INVALID_SPEC, "this docker engine has no bridge network "
                        + "(dockerd --bridge=none): use label " + TaskLabels.NETWORK + "=host or none");
            }
        } catch (DriverException e) {
            throw e;
        } catch (RuntimeException e) {
            throw DockerErrors.map(e, "listing the engine's networks");
        }
    }

    @Override
    public TaskStatus inspect(TaskHandle handle) {
        InspectContainerResponse container;
        try {
            container = docker.inspectContainerCmd(handle.runtimeId()).exec();
        } catch (RuntimeException e) {
            throw DockerErrors.map(e, "inspecting container " + describe(handle));
        }
        return ContainerStates.status(container.getState(), container.getHostConfig());
    }

    @Override
    public TaskStatus await(TaskHandle handle, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (true) {
            // a woken waiter looks again: the event stream may have broken, or another end been announced
            CompletableFuture<Void> end = new CompletableFuture<>();
            boolean streaming = exits.next(handle.runtimeId(), end);
            try {
                TaskStatus now = inspect(handle);
                long left = deadline - System.nanoTime();
                if (!now.isRunning() || left <= 0) {
                    return now;
                }
                long wait = streaming ? left : Math.min(left, NO_EVENTS_POLL.toNanos());
                try {
                    end.get(wait, TimeUnit.NANOSECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // still running, as far as we know: look again
                }
            } finally {
                exits.forget(handle.runtimeId(), end);
            }
        }
    }

    @Override
    public void stop(TaskHandle handle, Duration grace, String signal) {
        stops.stop(handle, grace, signal);
    }

    @Override
    public void destroy(TaskHandle handle) {
        try {
            facts.forget(handle.runtimeId());
            docker.removeContainerCmd(handle.runtimeId()).withForce(true).withRemoveVolumes(true).exec();
            LOG.info("removed container {}", describe(handle));
        } catch (NotFoundException e) {
            // destroyed already
        } catch (ConflictException e) {
            // "removal already in progress": the other call finishes the job
            LOG.debug("container {} is being removed already", describe(handle));
        } catch (RuntimeException e) {
            throw DockerErrors.map(e, "removing container " + describe(handle));
        }
    }

    @Override
    public List<TaskHandle> recover(String nodeId) {
        return list(Map.of(TaskLabels.NODE, nodeId)).stream()
                .filter(c -> c.getLabels() != null && c.getLabels().containsKey(TaskLabels.ALLOC))
                .map(c -> new TaskHandle(NAME, c.getLabels().get(TaskLabels.ALLOC), c.getId(),
                        c.getLabels().getOrDefault(TaskLabels.NAME, "")))
                .toList();
    }

    @Override
    public List<UnmanagedTask> unmanaged() {
        return list(Map.of()).stream()
                .filter(c -> c.getLabels() == null || !c.getLabels().containsKey(TaskLabels.ALLOC))
                .map(c -> new UnmanagedTask(NAME, c.getId(), firstName(c), c.getImage(), c.getState()))
                .toList();
    }

    private List<Container> list(Map<String, String> labels) {
        try {
            var command = docker.listContainersCmd().withShowAll(true);
            return labels.isEmpty() ? command.exec() : command.withLabelFilter(labels).exec();
        } catch (RuntimeException e) {
            throw DockerErrors.map(e, "listing containers");
        }
    }

    @Override
    public void logs(TaskHandle handle, int tail, boolean follow, Consumer<String> line, BooleanSupplier cancelled) {
        DockerLogs.stream(docker, handle, tail, follow, line, cancelled);
    }

    @Override
    public TaskStats stats(TaskHandle handle) {
        return DockerStats.sample(docker, handle, clock, facts);
    }

    @Override
    public ExecResult exec(TaskHandle handle, List<String> argv, Duration timeout) throws InterruptedException {
        return DockerExec.run(docker, handle, argv, timeout);
    }

    @Override
    public Optional<Map<String, String>> imageLabels(String image) {
        try {
            var config = docker.inspectImageCmd(image).exec().getConfig();
            Map<String, String> labels = config == null ? null : config.getLabels();
            return Optional.of(labels == null ? Map.of() : Map.copyOf(labels));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw DockerErrors.map(e, "inspecting image " + image);
        }
    }

    @Override
    public void close() {
        exits.close();
        try {
            docker.close();
        } catch (IOException e) {
            LOG.debug("closing the docker client: {}", e.toString());
        }
    }

    private void removeQuietly(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (RuntimeException e) {
            LOG.warn("could not remove container {} after its failed start: {}", shortId(id), e.toString());
        }
    }

    static String describe(TaskHandle handle) {
        return ContainerPlan.PREFIX + handle.name() + "-" + handle.allocId() + " (" + shortId(handle.runtimeId()) + ")";
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static String firstName(Container container) {
        String[] names = container.getNames();
        if (names == null || names.length == 0) {
            return "";
        }
        return names[0].startsWith("/") ? names[0].substring(1) : names[0];
    }
}
