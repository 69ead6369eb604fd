package io.cluman.server.services;

import io.cluman.model.job.Job;
import io.cluman.model.job.JobState;
import io.cluman.model.job.Progress;
import io.cluman.model.service.Deployment;
import io.cluman.model.service.DeploymentState;
import io.cluman.model.service.Service;
import io.cluman.store.StoreException;
import io.cluman.store.repo.JsonRepository;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one job per deployment, so a roll-out shows in {@code /v1/jobs} (and {@code cluman job watch}) like
 * any long operation: kind {@code service.deployment}, progress = replicas done of total, SUCCEEDED when the
 * deployment succeeded, FAILED (with the reason) when it failed or was reverted. The deployment in the
 * service record is the truth; the job is written from it, only when what it shows changes. Remembers what
 * it wrote, so a pass over unchanged services costs no store call. The job controller leaves these jobs
 * alone: they have no node operation to run.
 */
public final class DeploymentJobs {
    public static final String KIND = "service.deployment";
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentJobs.class);

    private final JsonRepository<Job> jobs;
    /** What each job last showed, as written or read, by job id. */
    private final Map<String, Job> shown = new ConcurrentHashMap<>();

    public DeploymentJobs(JsonRepository<Job> jobs) {
        this.jobs = jobs;
    }

    /** Writes the jobs of {@code s}'s deployments whose job does not show their state yet. */
    public void sync(Service s) {
        for (Deployment d : s.deployments()) {
            if (d.job() != null) {
                sync(s.name(), d);
            }
        }
    }

    /** Forgets what it remembers about jobs other than {@code kept} (services removed, history trimmed). */
    public void retain(List<Service> kept) {
        var ids = kept.stream().flatMap(s -> s.deployments().stream()).map(Deployment::job)
                .filter(Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        shown.keySet().retainAll(ids);
    }

    private void sync(String service, Deployment d) {
        Job wanted = of(service, d);
        Job known = shown.computeIfAbsent(d.job(), id -> jobs.get(id).orElse(null));
        if (known != null && sameShow(known, wanted)) {
            return;
        }
        try {
            Job written = known == null ? create(wanted) : jobs.update(d.job(), old -> sameShow(old, wanted) ? old
                    : wanted.withRevision(old.revision()));
            shown.put(d.job(), written);
        } catch (RuntimeException e) {
            shown.remove(d.job());
            LOG.debug("job {} of service {} not written now: {}", d.job(), service, e.toString());
        }
    }

    private Job create(Job wanted) {
        try {
            return jobs.create(wanted.id(), wanted);
        } catch (StoreException.Conflict raced) {
            return jobs.update(wanted.id(), old -> sameShow(old, wanted) ? old : wanted.withRevision(old.revision()));
        }
    }

    /** The job that shows deployment {@code d} of {@code service}. Pure. */
    static Job of(String service, Deployment d) {
        JobState state = switch (d.state()) {
            case RUNNING -> JobState.RUNNING;
            case SUCCESSFUL -> JobState.SUCCEEDED;
            case FAILED, REVERTED -> JobState.FAILED;
        };
        String error = d.state() == DeploymentState.FAILED || d.state() == DeploymentState.REVERTED
                ? Optional.ofNullable(d.reason()).orElse("") : "";
        return new Job(d.job(), KIND, "service " + service + ", deployment " + d.id() + " of generation "
                + d.generation(), state, new Progress(d.done(), d.total()), List.of(), null, 0, error,
                d.startedAt(), d.startedAt(), d.finishedAt(), 0);
    }

    private static boolean sameShow(Job a, Job b) {
        return a.state() == b.state() && Objects.equals(a.progress(), b.progress()) && a.error().equals(b.error())
                && Objects.equals(a.finishedAt(), b.finishedAt()) && Objects.equals(a.subject(), b.subject());
    }
}
