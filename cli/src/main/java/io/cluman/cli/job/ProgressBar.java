package io.cluman.cli.job;

import io.cluman.model.job.Job;
import io.cluman.model.job.JobState;
import io.cluman.model.job.Progress;

/**
 * Progress as one line: {@code [#####-----] 3/6 RUNNING}; for a job, or anything counted in done/total. A job
 * still running adds what its first waiting step says ({@code — n-1: moving 2 service replica(s) ...}).
 */
public final class ProgressBar {
    public static final int WIDTH = 10;

    private ProgressBar() {
    }

    public static String render(Job job) {
        String bar = render(job.progress(), job.state(), WIDTH);
        if (job.state().isFinished()) {
            return bar;
        }
        return job.steps().stream().filter(s -> s.state() == JobState.RUNNING && s.message() != null
                        && !s.message().isBlank()).findFirst()
                .map(s -> bar + " — " + s.name() + ": " + s.message()).orElse(bar);
    }

    public static String render(Progress progress, JobState state, int width) {
        return render(progress, state.name(), state == JobState.SUCCEEDED, width);
    }

    /**
     * {@code [###-------] done/total label}; with nothing to count ({@code total} 0) the bar is full only once
     * {@code succeeded}.
     */
    public static String render(Progress progress, String label, boolean succeeded, int width) {
        int done = progress == null ? 0 : Math.max(0, progress.done());
        int total = progress == null ? 0 : Math.max(0, progress.total());
        int filled;
        if (total == 0) {
            filled = succeeded ? width : 0;
        } else {
            filled = (int) Math.min(width, (long) done * width / total);
        }
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + done + "/" + total + " " + label;
    }
}
