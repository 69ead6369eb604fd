package io.cluman.cli.job;

import io.cluman.cli.output.Details;
import io.cluman.cli.output.Human;
import io.cluman.cli.output.Table;
import io.cluman.model.job.Job;
import io.cluman.model.job.JobStep;
import io.cluman.model.job.Progress;
import java.time.Instant;
import java.util.List;

/** How jobs print: the {@code job ls} table and the {@code job show} details. */
public final class JobRows {
    private JobRows() {
    }

    public static Table table(List<Job> jobs, Instant now) {
        Table table = Table.of("ID", "KIND", "STATE", "PROGRESS", "CREATED");
        for (Job j : jobs) {
            table.row(j.id(), j.kind(), j.state(), progress(j.progress()), Human.ago(j.createdAt(), now));
        }
        return table;
    }

    public static Details details(Job j, Instant now) {
        return new Details()
                .add("id", j.id())
                .add("kind", j.kind())
                .add("subject", j.subject())
                .add("operation", j.operation() == null ? null : j.operation().wireName())
                .add("state", j.state())
                .add("progress", progress(j.progress()))
                .add("batch size", j.operation() == null ? null : j.batchSize())
                .add("error", j.error())
                .add("created", when(j.createdAt(), now))
                .add("started", when(j.startedAt(), now))
                .add("finished", when(j.finishedAt(), now))
                .block("steps", j.steps().stream().map(JobRows::step).toList());
    }

    static String progress(Progress p) {
        return p == null ? "-" : p.done() + "/" + p.total();
    }

    /** An ISO time and how long ago: {@code 2026-11-21T10:00:00Z (3s ago)}. */
    static String when(Instant at, Instant now) {
        return at == null ? null : at + " (" + Human.ago(at, now) + ")";
    }

    private static String step(JobStep s) {
        return s.name() + "  " + s.state() + (s.message().isBlank() ? "" : "  " + s.message());
    }
}
