package io.cluman.server.api;

import io.cluman.model.job.Job;
import io.cluman.store.repo.JsonRepository;
import java.util.Comparator;

/** {@code /v1/jobs}: long operations and their progress, newest first. */
final class JobHandler {
    private final JsonRepository<Job> jobs;

    JobHandler(JsonRepository<Job> jobs) {
        this.jobs = jobs;
    }

    void register(Routes routes) {
        routes.get("/v1/jobs", Access.VIEWER, "jobs", "List jobs, newest first").returnsList(Job.class)
                .handle(ctx -> ctx.json(jobs.list().stream()
                        .sorted(Comparator.comparing(Job::createdAt).reversed()).toList()));
        routes.get("/v1/jobs/{id}", Access.VIEWER, "jobs", "One job with its steps and progress").returns(Job.class)
                .errors(404).handle(ctx -> ctx.json(jobs.get(ctx.pathParam("id"))
                        .orElseThrow(() -> new ApiError.NotFound("job", ctx.pathParam("id")))));
    }
}
