package io.cluman.agent.driver.process;

import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.DriverException.Reason;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts a task's process so that it outlives the agent:
 *
 * <pre>
 *   agent (JVM)
 *     └─ setsid -f                 forks and ends at once: the wrapper is never the agent's child
 *          sh -c WRAPPER           the wrapper: own session, so no signal aimed at the agent reaches it;
 *          │                       a child of init (or the nearest subreaper), which reaps it
 *          └─ setsid sh -c TASK    own session and process group (pgid = its pid) from its first
 *               exec cmd           instruction; joins the task's cgroups, records its stat line (so what
 *                                  is recorded is already the task's session), then becomes the task
 * </pre>
 *
 * Because the wrapper is not the agent's child, a task started by this agent and one re-attached after
 * a restart are watched the same way, and the JVM keeps no reaper thread per task.
 *
 * The wrapper waits for the task and writes its exit code to {@code exit}; it is the only process that
 * can learn that code, since a restarted agent is not the task's parent and cannot wait for it. Signals
 * go to the task's process group ({@code kill -SIG -pid}), which does not hold the wrapper: even SIGKILL
 * leaves the wrapper alive to record 137. When the agent dies the wrapper is re-parented to init and
 * carries on. Output goes straight from the task to {@code stdout.log}/{@code stderr.log}, opened for
 * appending (so rotation by copy and truncate works), never through the agent.
 */
final class TaskLauncher {
    private static final String TASK = String.join("\n",
            "d=$1; cg=$2; shift 2",
            "for f in $cg; do echo $$ > \"$f\" || exit 125; done",
            "read -r s < /proc/$$/stat",
            "printf '%s\\n' \"$s\" > \"$d/task\"",
            "exec \"$@\" < /dev/null >> \"$d/stdout.log\" 2>> \"$d/stderr.log\"");
    private static final String WRAPPER = String.join("\n",
            "d=$1; cg=$2; shift 2",
            "read -r s < /proc/$$/stat",
            "printf '%s\\n' \"$s\" > \"$d/wrapper\"",
            "setsid sh -c '" + TASK.replace("'", "'\\''") + "' cluman-task \"$d\" \"$cg\" \"$@\"",
            "c=$?",
            "printf '%s\\n' \"$c\" > \"$d/exit.tmp\" && mv -f \"$d/exit.tmp\" \"$d/exit\"");
    private static final Duration START_WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);

    private TaskLauncher() {
    }

    /**
     * Launches {@code command} in {@code dir} and waits until the task recorded its stat line.
     *
     * @return the task's and the wrapper's stat lines
     * @throws DriverException START_FAILED when the wrapper cannot start or the task ends before it
     *                         recorded itself (cgroup refused), with what the shells said
     */
    static ProcStat[] launch(TaskDir dir, List<String> command, Path workDir, Map<String, String> env,
                             List<Path> cgroupProcs) {
        List<String> argv = new ArrayList<>(List.of("setsid", "-f", "sh", "-c", WRAPPER, "cluman-wrapper",
                dir.path().toAbsolutePath().toString(),
                cgroupProcs.stream().map(Path::toString).collect(Collectors.joining(" "))));
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.file(TaskDir.WRAPPER_LOG).toFile()))
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            Process setsid = builder.start();
            if (!setsid.waitFor(START_WAIT.toSeconds(), TimeUnit.SECONDS) || setsid.exitValue() != 0) {
                setsid.destroyForcibly();
                throw new DriverException(Reason.START_FAILED, "setsid could not start the wrapper shell of task "
                        + dir.path().getFileName() + ": " + said(dir));
            }
        } catch (IOException e) {
            throw new DriverException(Reason.START_FAILED, "cannot start the wrapper shell of task "
                    + dir.path().getFileName() + " (are sh and setsid installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException(Reason.START_FAILED, "interrupted while task " + dir.path().getFileName()
                    + " was starting", e);
        }
        return awaitRecorded(dir);
    }

    private static ProcStat[] awaitRecorded(TaskDir dir) {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        try (DirWatch watch = DirWatch.on(dir.path())) {
            while (true) {
                var task = dir.stat(TaskDir.TASK);
                var wrapper = dir.stat(TaskDir.WRAPPER);
                if (task.isPresent() && wrapper.isPresent()) {
                    return new ProcStat[] {task.get(), wrapper.get()};
                }
                if (dir.exitCode().isPresent()) {
                    throw new DriverException(Reason.START_FAILED, "task " + dir.path().getFileName()
                            + " ended with code " + dir.exitCode().getAsInt() + " before it started: "
                            + said(dir));
                }
                if (System.nanoTime() > deadline) {
                    throw new DriverException(Reason.START_FAILED, "task " + dir.path().getFileName()
                            + " did not start within " + START_WAIT.toSeconds() + " s: " + said(dir));
                }
                watch.awaitChange(POLL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException(Reason.START_FAILED, "interrupted while task " + dir.path().getFileName()
                    + " was starting", e);
        }
    }

    /** The wrapper's and the task's error output, for a message. */
    private static String said(TaskDir dir) {
        StringBuilder text = new StringBuilder();
        for (String name : List.of(TaskDir.WRAPPER_LOG, TaskDir.STDERR)) {
            try {
                String content = Files.readString(dir.file(name), StandardCharsets.UTF_8).strip();
                if (!content.isEmpty()) {
                    text.append(text.isEmpty() ? "" : "; ").append(content.replaceAll("\\s+", " "));
                }
            } catch (IOException e) {
                // not written
            }
        }
        return text.isEmpty() ? "nothing on its error output" : text.toString();
    }
}
