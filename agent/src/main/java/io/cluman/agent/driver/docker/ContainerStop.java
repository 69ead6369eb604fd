package io.cluman.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.DriverException.Reason;
import io.cluman.agent.driver.Signals;
import io.cluman.agent.driver.TaskDriver;
import io.cluman.agent.driver.TaskHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the docker driver stops a container: one signal, then the engine's {@code die} event — two engine calls
 * fewer than inspecting before and after, which counts when a scale-down stops 90 containers at once.
 * Thread-safe (no state of its own).
 */
final class ContainerStop {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerStop.class);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    /** How long a stop waits for the die event before it looks for itself (a new stream may miss one). */
    private static final Duration LOOK = Duration.ofSeconds(2);

    private final DockerClient docker;
    private final ContainerExits exits;
    private final TaskDriver driver;

    ContainerStop(DockerClient docker, ContainerExits exits, TaskDriver driver) {
        this.docker = docker;
        this.exits = exits;
        this.driver = driver;
    }

    /**
     * Signals the container and waits for its {@code die} event, without inspecting it before or after: a
     * container that does not run answers the signal with 409 (nothing to stop). Without the engine's events
     * it falls back to {@link TaskDriver#await}. Still running after {@code grace}: SIGKILL.
     */
    void stop(TaskHandle handle, Duration grace, String signal) {
        String name = Signals.normalize(signal);
        CompletableFuture<Void> died = new CompletableFuture<>();
        boolean streaming = exits.next(handle.runtimeId(), died); // before the signal: its die is not missed
        try {
            long t0 = System.nanoTime();
            if (!kill(handle, name)) {
                return; // ended, gone, or created and never started: nothing runs to signal
            }
            long t1 = System.nanoTime();
            boolean ended = endedWithin(handle, died, streaming, grace);
            LOG.debug("container {}: SIG{} {} ms, then {} ms until it ended", DockerDriver.describe(handle), name,
                    (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
            if (!ended) {
                LOG.info("container {} still runs {} s after SIG{}: killing it", DockerDriver.describe(handle),
                        grace.toSeconds(), name);
                kill(handle, "KILL");
                driver.await(handle, KILL_WAIT);
            }
        } catch (InterruptedException e) {
            kill(handle, "KILL");
            Thread.currentThread().interrupt();
        } catch (DriverException e) {
            if (e.reason() != Reason.NOT_FOUND) {
                throw e;
            }
        } finally {
            exits.forget(handle.runtimeId(), died);
        }
    }

    /** Whether the signalled container ended within {@code grace}: its die event, else (no events) a look. */
    private boolean endedWithin(TaskHandle handle, CompletableFuture<Void> died, boolean streaming, Duration grace)
            throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (streaming) {
            long left = deadline - System.nanoTime();
            try {
                died.get(Math.min(left, LOOK.toNanos()), TimeUnit.NANOSECONDS);
                return true;
            } catch (TimeoutException e) {
                // a stream opened just now may have missed the die: look now and then
                if (!driver.inspect(handle).isRunning()) {
                    return true;
                }
                if (left <= LOOK.toNanos()) {
                    return false;
                }
            } catch (ExecutionException e) {
                break; // the event stream broke (the engine restarts?): look for ourselves
            }
        }
        return !driver.await(handle, Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))).isRunning();
    }

    /** Sends the signal; whether it reached a running container (false: gone, or not running — 409). */
    private boolean kill(TaskHandle handle, String signal) {
        try {
            docker.killContainerCmd(handle.runtimeId()).withSignal(signal).exec();
            return true;
        } catch (NotFoundException | ConflictException e) {
            return false;
        } catch (RuntimeException e) {
            throw DockerErrors.map(e, "sending SIG" + signal + " to container " + DockerDriver.describe(handle));
        }
    }
}
