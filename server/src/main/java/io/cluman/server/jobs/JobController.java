package io.cluman.server.jobs;

import io.cluman.model.container.Container;
import io.cluman.model.job.Job;
import io.cluman.model.job.JobState;
import io.cluman.model.service.Service;
import io.cluman.server.events.EventBus;
import io.cluman.server.leader.Controller;
import io.cluman.server.nodes.NodeRegistry;
import io.cluman.store.repo.JsonRepository;
import io.cluman.store.repo.RepositoryMirror;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader-only: finds PENDING node jobs, and RUNNING ones a previous leader left, and runs each on its own
 * virtual thread. Jobs without a node operation (a service deployment's) only report work another
 * controller does, and are left alone. Looks every {@code every}; the mirror makes the look cheap. A drain
 * that has had no room for {@code drainNoRoom} fails (see {@link NodeStep}).
 */
public final class JobController implements Controller {
    private static final Logger LOG = LoggerFactory.getLogger(JobController.class);

    private final RepositoryMirror<Job> mirror;
    private final JobRunner runner;
    private final Duration every;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService timer;

    public JobController(JsonRepository<Job> jobs, RepositoryMirror<Job> mirror, NodeRegistry nodes,
                         JsonRepository<Container> containers, JsonRepository<Service> services, EventBus events,
                         InstantSource clock, Duration every, Duration drainNoRoom) {
        this.mirror = mirror;
        this.runner = new JobRunner(jobs, new NodeStep(nodes, events, new Evacuation(containers, services), every,
                clock, drainNoRoom), events, clock);
        this.every = every;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("jobs").factory());
        timer.scheduleWithFixedDelay(this::dispatch, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void dispatch() {
        mirror.forEach(job -> {
            boolean open = job.state() == JobState.PENDING || job.state() == JobState.RUNNING;
            if (open && job.operation() != null && running.add(job.id())) {
                Thread.ofVirtual().name("job-" + job.id()).start(() -> runOne(job));
            }
        });
    }

    private void runOne(Job job) {
        try {
            runner.run(job.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("job {} stopped: {}", job.id(), e.toString());
        } finally {
            running.remove(job.id());
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
