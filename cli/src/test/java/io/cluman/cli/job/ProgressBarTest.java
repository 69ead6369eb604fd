package io.cluman.cli.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.job.JobState;
import io.cluman.model.job.Progress;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void fillsTheShareThatIsDone() {
        assertThat(ProgressBar.render(new Progress(3, 6), JobState.RUNNING, 10)).isEqualTo("[#####-----] 3/6 RUNNING");
        assertThat(ProgressBar.render(new Progress(0, 4), JobState.PENDING, 10)).isEqualTo("[----------] 0/4 PENDING");
        assertThat(ProgressBar.render(new Progress(6, 6), JobState.SUCCEEDED, 10))
                .isEqualTo("[##########] 6/6 SUCCEEDED");
        assertThat(ProgressBar.render(new Progress(1, 3), JobState.FAILED, 10)).isEqualTo("[###-------] 1/3 FAILED");
    }

    @Test
    void anEmptyJobIsFullOnlyOnceItSucceeded() {
        assertThat(ProgressBar.render(new Progress(0, 0), JobState.RUNNING, 4)).isEqualTo("[----] 0/0 RUNNING");
        assertThat(ProgressBar.render(new Progress(0, 0), JobState.SUCCEEDED, 4)).isEqualTo("[####] 0/0 SUCCEEDED");
        assertThat(ProgressBar.render(null, JobState.PENDING, 4)).isEqualTo("[----] 0/0 PENDING");
    }
}
