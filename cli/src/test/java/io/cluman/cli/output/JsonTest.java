package io.cluman.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.job.Job;
import io.cluman.model.job.JobState;
import io.cluman.model.job.Progress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesTimesAsIsoStringsAndListsAsArrays() {
        Job job = new Job("j-1", "node.drain", null, JobState.RUNNING, new Progress(1, 2), List.of(), null, 1, null,
                Instant.parse("2026-11-21T12:00:00Z"), null, null, 7);

        String json = Json.pretty(List.of(job));

        assertThat(json).startsWith("[").contains("\"createdAt\" : \"2026-11-21T12:00:00Z\"")
                .contains("\"state\" : \"RUNNING\"").contains("\n");
        assertThat(Json.compact(job)).doesNotContain("\n").contains("\"id\":\"j-1\"");
    }
}
