package io.cluman.cli.job;

import io.cluman.cli.Main;
import io.cluman.cli.output.Output;
import io.cluman.client.ClumanClient;
import io.cluman.model.job.Job;
import io.cluman.model.job.JobState;
import io.cluman.model.job.JobStep;
import java.io.PrintWriter;

/** What a command that started a job prints, with or without {@code --wait}, and its exit code. */
public final class JobOutcome {
    private JobOutcome() {
    }

    /**
     * Without {@code wait}: says the job started (0). With it: watches the job to its end, prints how it
     * ended, and exits 1 when it did not succeed.
     */
    public static int report(ClumanClient client, Output output, PrintWriter err, Job job, boolean wait) {
        if (!wait) {
            output.done("job " + job.id() + " " + job.state() + " (" + job.kind()
                    + "); follow it with: cluman job watch " + job.id(), job);
            return Main.OK;
        }
        return finished(output, JobWatcher.of(client, err).watch(job));
    }

    /** Prints the finished job (a summary, or its JSON); 1 when it did not succeed. */
    public static int finished(Output output, Job job) {
        output.done(summary(job), job);
        return job.state() == JobState.SUCCEEDED ? Main.OK : Main.SERVER_ERROR;
    }

    /** {@code job j-1 FAILED: why}, then the steps that failed. */
    static String summary(Job job) {
        StringBuilder text = new StringBuilder("job " + job.id() + " " + job.state());
        if (!job.error().isBlank()) {
            text.append(": ").append(job.error());
        }
        for (JobStep step : job.steps()) {
            if (step.state() == JobState.FAILED || step.state() == JobState.CANCELLED) {
                text.append("\n  ").append(step.name()).append(" ").append(step.state());
                if (!step.message().isBlank()) {
                    text.append(": ").append(step.message());
                }
            }
        }
        return text.toString();
    }
}
