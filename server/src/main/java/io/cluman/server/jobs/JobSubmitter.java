package io.cluman.server.jobs;

import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.model.job.Job;
import io.cluman.model.job.JobState;
import io.cluman.model.job.JobStep;
import io.cluman.model.job.Progress;
import io.cluman.model.node.NodeOperation;
import io.cluman.server.events.EventBus;
import io.cluman.server.nodes.Ids;
import io.cluman.store.repo.JsonRepository;
import java.time.InstantSource;
import java.util.List;

/** Writes new jobs, PENDING, one step per node; the {@link JobController} picks them up. */
public final class JobSubmitter {
    private final JsonRepository<Job> jobs;
    private final EventBus events;
    private final Ids ids;
    private final InstantSource clock;

    public JobSubmitter(JsonRepository<Job> jobs, EventBus events, Ids ids, InstantSource clock) {
        this.jobs = jobs;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    /** A job applying {@code operation} to {@code nodeIds}, {@code batchSize} nodes at a time. */
    public Job submit(NodeOperation operation, List<String> nodeIds, int batchSize) {
        return submit(operation, nodeIds, batchSize, List.of());
    }

    /**
     * As {@link #submit(NodeOperation, List, int)}, with steps already decided (nodes skipped because the
     * operation is not allowed in their state), which the runner leaves alone.
     */
    public Job submit(NodeOperation operation, List<String> nodeIds, int batchSize, List<JobStep> decided) {
        String id = ids.next('j');
        String kind = nodeIds.size() == 1 && decided.isEmpty() ? "node." + operation.wireName() : "node.batch";
        List<JobStep> steps = new java.util.ArrayList<>(decided);
        nodeIds.forEach(node -> steps.add(new JobStep(node, JobState.PENDING, "")));
        Job job = new Job(id, kind, null, JobState.PENDING, new Progress(0, steps.size()), steps, operation,
                Math.max(1, batchSize), "", clock.instant(), null, null, 0).withSteps(steps);
        Job written = jobs.create(id, job);
        events.info(Topic.JOB, Action.CREATE, "job", id, kind + " of " + steps.size() + " node(s) submitted");
        return written;
    }
}
