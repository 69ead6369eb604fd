package io.cluman.agent.driver.process;

import io.cluman.agent.driver.DriverException.Reason;
import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.ExecResult;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command "in" a process task: as a child of the agent, in the task's working dir, with the
 * environment the task's process started with ({@code /proc/<pid>/environ}, so it holds the spec's
 * variables and Cluman's). Its output is read on a virtual thread, so a chatty command cannot block on
 * a full pipe; past the timeout it is killed with its descendants.
 */
final class TaskExec {
    private static final Duration DRAIN = Duration.ofSeconds(1);

    private TaskExec() {
    }

    static ExecResult run(TaskRecord record, List<String> argv, Duration timeout) throws InterruptedException {
        if (argv.isEmpty()) {
            throw new DriverException(Reason.INVALID_SPEC, "there is no command to run in task " + record.allocId());
        }
        ProcessBuilder builder = new ProcessBuilder(argv).directory(new File(record.workDir()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment(record));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new ExecResult(127, "cannot run " + argv.get(0) + ": " + e.getMessage(), false);
        }
        ExecResult.Output output = new ExecResult.Output();
        Thread reader = Thread.ofVirtual().name("exec-" + record.allocId()).start(() -> drain(process, output));
        try {
            boolean ended = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!ended) {
                kill(process);
            }
            if (!reader.join(DRAIN)) {
                process.getInputStream().close(); // a descendant keeps the pipe open: stop reading
                reader.join(DRAIN);
            }
            return ended ? new ExecResult(process.exitValue(), output.toString(), false)
                    : new ExecResult(null, output.toString(), true);
        } catch (IOException e) {
            return new ExecResult(process.isAlive() ? null : process.exitValue(), output.toString(), false);
        } finally {
            if (process.isAlive()) {
                kill(process);
            }
        }
    }

    /** The environment the task's process started with; NOT_FOUND when it no longer runs. */
    private static Map<String, String> environment(TaskRecord record) {
        Path environ = Path.of("/proc", Long.toString(record.pid()), "environ");
        boolean same = ProcStat.read(record.pid()).filter(s -> s.startTime() == record.startTime()
                && s.state() != 'Z').isPresent();
        try {
            String text = same ? Files.readString(environ, StandardCharsets.UTF_8) : null;
            if (text == null) {
                throw new DriverException(Reason.NOT_FOUND, "task " + record.allocId() + " does not run");
            }
            Map<String, String> env = new HashMap<>();
            for (String entry : text.split("\0")) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    env.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
            return env;
        } catch (IOException e) {
            throw new DriverException(Reason.NOT_FOUND, "cannot read the environment of task " + record.allocId()
                    + " (" + environ + "): " + e.getMessage(), e);
        }
    }

    private static void drain(Process process, ExecResult.Output output) {
        byte[] buffer = new byte[1024];
        try (InputStream in = process.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                output.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // closed after the timeout: what was read is kept
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
