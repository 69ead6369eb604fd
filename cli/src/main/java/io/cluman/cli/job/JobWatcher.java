package io.cluman.cli.job;

import io.cluman.cli.remote.Sleeper;
import io.cluman.client.ClumanClient;
import io.cluman.model.job.Job;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Function;

/**
 * Follows a job to its end by polling it, drawing {@link ProgressBar} on a {@link ProgressLine}: redrawn in
 * place on a terminal, one line per change otherwise. The last line shows the final state.
 */
public final class JobWatcher {
    public static final Duration POLL = Duration.ofMillis(500);

    private final Function<String, Job> fetch;
    private final Sleeper sleeper;
    private final PrintWriter err;
    private final boolean terminal;

    public JobWatcher(Function<String, Job> fetch, Sleeper sleeper, PrintWriter err, boolean terminal) {
        this.fetch = fetch;
        this.sleeper = sleeper;
        this.err = err;
        this.terminal = terminal;
    }

    /** A watcher that polls {@code client} every {@link #POLL} and draws on {@code err}. */
    public static JobWatcher of(ClumanClient client, PrintWriter err) {
        return new JobWatcher(client::job, Sleeper.SYSTEM, err, Terminal.stderrIsTerminal());
    }

    /** Polls from {@code start} until the job is finished; returns it (the last seen one, if interrupted). */
    public Job watch(Job start) {
        ProgressLine progress = new ProgressLine(err, terminal);
        Job job = start;
        while (true) {
            progress.draw(ProgressBar.render(job));
            if (job.state().isFinished()) {
                break;
            }
            try {
                sleeper.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            job = fetch.apply(job.id());
        }
        progress.end();
        return job;
    }
}
