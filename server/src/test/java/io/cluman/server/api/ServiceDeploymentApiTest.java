package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ClumanClient;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.HealthCheckRequest;
import io.cluman.model.api.ServiceRequest;
import io.cluman.model.api.ServiceView;
import io.cluman.model.api.UpdateRequest;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.Health;
import io.cluman.model.event.Event;
import io.cluman.model.job.Job;
import io.cluman.model.job.JobState;
import io.cluman.model.node.NodeOperation;
import io.cluman.model.node.NodeState;
import io.cluman.model.service.Deployment;
import io.cluman.model.service.DeploymentState;
import io.cluman.server.FakeAgents;
import io.cluman.server.ServerConfig;
import io.cluman.server.TestServer;
import io.cluman.server.services.ReplacementPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deployments and drains through the API on a real server. The fake agents report every container
 * RUNNING, healthy when its check's command is anything but {@code false}, unhealthy when it is.
 */
class ServiceDeploymentApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final UpdateRequest QUICK = new UpdateRequest(1, "300ms", "20s", false, 0);
    private static final Duration DRAIN_NO_ROOM = Duration.ofSeconds(3);

    @TempDir
    Path dir;
    TestServer server;
    ClumanClient admin;
    ClumanClient agent;
    List<String> nodes;
    final ScheduledExecutorService agents = Executors.newScheduledThreadPool(2);

    @BeforeEach
    void start() {
        server = new TestServer(ServerConfig.defaults(dir).withPort(0)
                .withReplacement(new ReplacementPolicy(Duration.ofSeconds(15), 0.5, DRAIN_NO_ROOM)));
        admin = server.admin();
        agent = server.agent();
        nodes = List.of(activeNode("a"), activeNode("b"), activeNode("c"));
        agents.scheduleWithFixedDelay(this::actAsAgents, 0, 150, TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stop() {
        agents.shutdownNow();
        server.close();
    }

    private void actAsAgents() {
        try {
            joined.forEach(id -> FakeAgents.beat(agent, id, 50L << 30));
            for (ContainerView c : admin.containers(Map.of())) {
                Health health = c.spec().healthcheck() == null ? null
                        : c.spec().healthcheck().command().contains("false") ? Health.UNHEALTHY : Health.HEALTHY;
                FakeAgents.reportHealth(agent, c.node(), c.allocId(), health,
                        health == Health.UNHEALTHY ? "exit 1" : null);
            }
        } catch (RuntimeException e) {
            // a container removed between the list and the report: the next round reports the rest
        }
    }

    private final List<String> joined = new CopyOnWriteArrayList<>();

    private String activeNode(String name) {
        String id = FakeAgents.join(agent, name, Map.of());
        joined.add(id);
        String job = admin.operate(id, NodeOperation.COMMISSION).id();
        await().atMost(WAIT).until(() -> admin.job(job).state().isFinished());
        return id;
    }

    private static ServiceRequest sleeper(String name, int replicas, String seconds, HealthCheckRequest check,
                                          List<String> ports, Integer maxUnavailable, UpdateRequest update) {
        return new ServiceRequest(name, DriverName.PROCESS, null, List.of("/bin/sleep", seconds), null, null, ports,
                null, null, null, null, check, replicas, null, null, null, maxUnavailable, update);
    }

    private ServiceView awaitRunning(String name, int count) {
        return await().atMost(WAIT).until(() -> admin.service(name), s -> s.running() == count
                && s.replicas().size() == count);
    }

    private Deployment awaitDeployment(String name, String id, DeploymentState state) {
        return await().atMost(WAIT).until(() -> admin.service(name).deployments().stream()
                .filter(d -> d.id().equals(id)).findFirst().orElse(null), d -> d != null && d.state() == state);
    }

    private List<String> serviceEvents() {
        return admin.events(Map.of("topic", "service")).stream().map(Event::message).toList();
    }

    @Test
    void rollingUpdateReplacesEveryReplicaOneAtATime() {
        admin.createService(sleeper("web", 3, "3600", null, null, null, QUICK));
        awaitRunning("web", 3);
        AtomicInteger fewestRunning = new AtomicInteger(Integer.MAX_VALUE);
        AtomicInteger mostReplicas = new AtomicInteger();
        var sampler = agents.scheduleWithFixedDelay(() -> {
            ServiceView s = admin.service("web");
            fewestRunning.accumulateAndGet(s.running(), Math::min);
            mostReplicas.accumulateAndGet(s.replicas().size(), Math::max);
        }, 0, 20, TimeUnit.MILLISECONDS);

        ServiceView replaced = admin.replaceService("web", sleeper("web", 3, "600", null, null, null, QUICK));
        assertThat(replaced.generation()).isEqualTo(2);
        assertThat(replaced.deployments().getFirst().state()).isEqualTo(DeploymentState.RUNNING);
        Deployment done = awaitDeployment("web", "d2", DeploymentState.SUCCESSFUL);
        sampler.cancel(false);

        assertThat(done.done()).isEqualTo(3);
        Job job = admin.job(replaced.deployments().getFirst().job());
        assertThat(job.kind()).isEqualTo("service.deployment");
        assertThat(job.subject()).isEqualTo("service web, deployment d2 of generation 2");
        assertThat(await().atMost(WAIT).until(() -> admin.job(job.id()), j -> j.state().isFinished()))
                .satisfies(j -> assertThat(j.state()).isEqualTo(JobState.SUCCEEDED))
                .satisfies(j -> assertThat(j.progress().done()).isEqualTo(3))
                .satisfies(j -> assertThat(j.progress().total()).isEqualTo(3));
        assertThat(admin.containers(Map.of("service", "web"))).hasSize(3)
                .allSatisfy(c -> assertThat(c.spec().command()).containsExactly("/bin/sleep", "600"));
        assertThat(fewestRunning.get()).as("never below the count").isGreaterThanOrEqualTo(3);
        assertThat(mostReplicas.get()).as("one new replica at a time").isLessThanOrEqualTo(4);
        assertThat(admin.service("web").progress()).isNull();
        assertThat(serviceEvents()).anyMatch(m -> m.contains("deployment d2 of generation 2 started"))
                .anyMatch(m -> m.contains("updated: replaced by generation 2 (1/3)"))
                .anyMatch(m -> m.contains("deployment d2 successful"));
    }

    @Test
    void aFailingHealthCheckFailsTheDeploymentAndAutoRevertReturnsToTheOldSpec() {
        UpdateRequest revert = new UpdateRequest(1, "300ms", "20s", true, 0);
        admin.createService(sleeper("api", 2, "3600", null, null, null, revert));
        List<String> before = awaitRunning("api", 2).replicas().stream().map(r -> r.container()).sorted().toList();

        HealthCheckRequest failing = new HealthCheckRequest("command", List.of("false"), null, null, "1s", "500ms", 1,
                null);
        admin.replaceService("api", sleeper("api", 2, "3600", failing, null, null, revert));
        Deployment failed = awaitDeployment("api", "d2", DeploymentState.REVERTED);
        assertThat(failed.reason()).contains("is unhealthy").contains("reverted to the spec of generation 1");
        assertThat(await().atMost(WAIT).until(() -> admin.job(failed.job()), j -> j.state().isFinished()))
                .as("the failed deployment's job").satisfies(j -> assertThat(j.state()).isEqualTo(JobState.FAILED))
                .satisfies(j -> assertThat(j.error()).contains("is unhealthy"));
        awaitDeployment("api", "d3", DeploymentState.SUCCESSFUL);

        ServiceView after = awaitRunning("api", 2);
        assertThat(after.generation()).isEqualTo(3);
        assertThat(after.spec().healthcheck()).isNull();
        assertThat(after.replicas().stream().map(r -> r.container()).sorted().toList())
                .as("the old replicas were never touched").isEqualTo(before);
        assertThat(serviceEvents()).anyMatch(m -> m.contains("deployment d2 failed: replica api-"))
                .anyMatch(m -> m.contains("deployment d2 reverted"));
    }

    @Test
    void aCanaryWaitsForPromoteThenTheRestRolls() {
        UpdateRequest canary = new UpdateRequest(1, "300ms", "20s", false, 1);
        admin.createService(sleeper("web", 3, "3600", null, null, null, canary));
        awaitRunning("web", 3);
        admin.replaceService("web", sleeper("web", 3, "600", null, null, null, canary));

        ServiceView waiting = await().atMost(WAIT).until(() -> admin.service("web"),
                s -> s.waiting() != null && s.waiting().contains("waiting for promote"));
        List<ContainerView> replicas = admin.containers(Map.of("service", "web"));
        assertThat(replicas).hasSize(4);
        assertThat(replicas).filteredOn(c -> c.spec().command().contains("600")).hasSize(1);
        assertThat(waiting.deployments().getFirst().state()).isEqualTo(DeploymentState.RUNNING);

        admin.promoteService("web");
        awaitDeployment("web", "d2", DeploymentState.SUCCESSFUL);
        assertThat(admin.containers(Map.of("service", "web"))).hasSize(3)
                .allSatisfy(c -> assertThat(c.spec().command()).containsExactly("/bin/sleep", "600"));
    }

    @Test
    void drainWithMaxUnavailableZeroNeverDropsBelowTheCount() {
        admin.createService(sleeper("db", 2, "3600", null, null, 0, null));
        ServiceView placed = awaitRunning("db", 2);
        String drained = placed.replicas().getFirst().node();
        AtomicInteger fewestRunning = new AtomicInteger(Integer.MAX_VALUE);
        var sampler = agents.scheduleWithFixedDelay(() -> fewestRunning.accumulateAndGet(
                admin.service("db").running(), Math::min), 0, 20, TimeUnit.MILLISECONDS);

        String job = admin.operate(drained, NodeOperation.DRAIN).id();
        Job finished = await().atMost(WAIT).until(() -> admin.job(job), j -> j.state().isFinished());
        sampler.cancel(false);

        assertThat(finished.state()).isEqualTo(JobState.SUCCEEDED);
        ServiceView after = awaitRunning("db", 2);
        assertThat(after.replicas()).noneMatch(r -> r.node().equals(drained));
        assertThat(fewestRunning.get()).as("running replicas, sampled through the drain").isGreaterThanOrEqualTo(2);
    }

    @Test
    void commissioningANodeWhoseDrainWaitsEndsTheDrainAtOnce() {
        admin.createService(sleeper("edge", 3, "3600", null, List.of("8080:80"), 0, null));
        awaitRunning("edge", 3);
        String drained = nodes.getFirst();
        String drain = admin.operate(drained, NodeOperation.DRAIN).id();
        await().atMost(WAIT).until(() -> admin.job(drain).steps().getFirst().message().contains("no room: "));

        String commission = admin.operate(drained, NodeOperation.COMMISSION).id();

        Job back = await().atMost(Duration.ofSeconds(10)).until(() -> admin.job(commission), j -> j.state().isFinished());
        assertThat(back.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(admin.node(drained).state()).isEqualTo(NodeState.ACTIVE);
        Job cancelled = await().atMost(WAIT).until(() -> admin.job(drain), j -> j.state().isFinished());
        assertThat(cancelled.state()).as("the drain was called off, not done").isEqualTo(JobState.CANCELLED);
        assertThat(cancelled.steps().getFirst().state()).isEqualTo(JobState.CANCELLED);
        assertThat(cancelled.steps().getFirst().message()).contains("node moved to ACTIVE while draining");
    }

    @Test
    void aDrainWithNoRoomWaitsAndSaysWhy() {
        admin.createService(sleeper("edge", 3, "3600", null, List.of("8080:80"), 0, null));
        ServiceView placed = awaitRunning("edge", 3);
        String drained = nodes.getFirst();
        String stuck = placed.replicas().stream().filter(r -> r.node().equals(drained)).findFirst().orElseThrow()
                .container();

        String job = admin.operate(drained, NodeOperation.DRAIN).id();
        Job waiting = await().atMost(WAIT).until(() -> admin.job(job), j -> j.steps().getFirst().message()
                .contains("edge: "));

        assertThat(waiting.state()).isEqualTo(JobState.RUNNING);
        assertThat(waiting.steps().getFirst().message()).contains("moving 1 service replica(s)").contains(stuck);
        assertThat(admin.service("edge").waiting()).isNotBlank();
        assertThat(admin.containers(Map.of("service", "edge"))).extracting(ContainerView::name).contains(stuck);
        assertThat(admin.events(Map.of("topic", "node")).stream().map(Event::message))
                .anyMatch(m -> m.contains("drain: moving 1 service replica(s)"));

        Job failed = await().atMost(WAIT).until(() -> admin.job(job), j -> j.state().isFinished());
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.error()).contains("cannot finish", stuck, "no room: ", "no room for 3s", "stays DRAINING");
        assertThat(admin.node(drained).state()).isEqualTo(NodeState.DRAINING);
        assertThat(admin.containers(Map.of("service", "edge"))).extracting(ContainerView::name).contains(stuck);

        String spare = activeNode("d");
        ServiceView moved = await().atMost(WAIT).until(() -> admin.service("edge"),
                s -> s.running() == 3 && s.replicas().stream().noneMatch(r -> r.node().equals(drained)));
        assertThat(moved.replicas()).anyMatch(r -> r.node().equals(spare));
    }
}
