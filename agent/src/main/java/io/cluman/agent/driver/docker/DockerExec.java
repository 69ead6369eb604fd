package io.cluman.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.model.Frame;
import io.cluman.agent.driver.DriverException.Reason;
import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.ExecResult;
import io.cluman.agent.driver.TaskHandle;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command run in a container through the engine's exec endpoints: create, start attached (stdout and
 * stderr are collected), wait up to the timeout, then read the exit code. The engine cannot end an exec,
 * so one still running at the timeout is left to end by itself (as the engine's own health checks do).
 */
final class DockerExec {
    /** The exit code is set a moment after the output stream ends: how long to look for it. */
    private static final Duration EXIT_CODE_WAIT = Duration.ofSeconds(2);
    private static final long POLL_MS = 20;

    private DockerExec() {
    }

    static ExecResult run(DockerClient docker, TaskHandle handle, List<String> argv, Duration timeout)
            throws InterruptedException {
        String execId = create(docker, handle, argv);
        Collected output = new Collected();
        try {
            docker.execStartCmd(execId).exec(output);
            if (!output.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return new ExecResult(null, output.text(), true);
            }
        } catch (RuntimeException e) {
            throw DockerErrors.map(e, "running " + argv + " in container " + DockerDriver.describe(handle));
        } finally {
            try {
                output.close();
            } catch (IOException e) {
                // the output is read already
            }
        }
        return new ExecResult(exitCode(docker, execId), output.text(), false);
    }

    private static String create(DockerClient docker, TaskHandle handle, List<String> argv) {
        try {
            return docker.execCreateCmd(handle.runtimeId()).withCmd(argv.toArray(String[]::new))
                    .withAttachStdout(true).withAttachStderr(true).exec().getId();
        } catch (ConflictException e) {
            throw new DriverException(Reason.NOT_FOUND, "container " + DockerDriver.describe(handle)
                    + " does not run: " + DockerErrors.engineMessage(e), e);
        } catch (RuntimeException e) {
            throw DockerErrors.map(e, "creating an exec in container " + DockerDriver.describe(handle));
        }
    }

    private static Integer exitCode(DockerClient docker, String execId) throws InterruptedException {
        long deadline = System.nanoTime() + EXIT_CODE_WAIT.toNanos();
        while (true) {
            InspectExecResponse exec = docker.inspectExecCmd(execId).exec();
            if (!Boolean.TRUE.equals(exec.isRunning()) && exec.getExitCodeLong() != null) {
                return exec.getExitCodeLong().intValue();
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MS);
        }
    }

    /** Collects the exec's output frames (docker-java's stream thread). */
    private static final class Collected extends ResultCallback.Adapter<Frame> {
        private final ExecResult.Output output = new ExecResult.Output();

        @Override
        public void onNext(Frame frame) {
            byte[] payload = frame.getPayload();
            synchronized (output) {
                output.write(payload, 0, payload.length);
            }
        }

        String text() {
            synchronized (output) {
                return output.toString();
            }
        }
    }
}
