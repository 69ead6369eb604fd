package io.cluman.agent.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.StatsSource;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskRequest;
import io.cluman.agent.driver.TaskStats;
import io.cluman.agent.driver.process.ProcessDriver;
import io.cluman.model.agent.TaskSample;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DriverName;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sampler against the real process driver, and against stats sources that fail or hang. */
class StatsSamplerTest {
    private static final String NODE = "n-stats";

    @TempDir
    Path data;
    private ProcessDriver driver;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (driver != null) {
            driver.recover(NODE).forEach(driver::destroy);
            driver.close();
        }
    }

    private TaskHandle sleeper(String allocId) {
        ContainerSpec spec = new ContainerSpec("t", DriverName.PROCESS, "", List.of("sleep", "300"), List.of(),
                Map.of(), List.of(), Map.of(), 0, 0, "no", "");
        return driver.start(new TaskRequest(allocId, NODE, spec, null));
    }

    @Test
    void samplesEveryRunningProcessTaskAndLeavesOutOneThatIsGone() {
        driver = new ProcessDriver(data, InstantSource.system());
        TaskHandle one = sleeper("a-one");
        TaskHandle two = sleeper("a-two");
        TaskHandle gone = new TaskHandle("process", "a-gone", "1:1", "t");
        StatsSampler sampler = new StatsSampler(Map.of("process", driver), 4, Duration.ofSeconds(5));

        List<TaskSample> samples = sampler.sample(List.of(one, gone, two));

        assertThat(samples).extracting(TaskSample::allocId).containsExactlyInAnyOrder("a-one", "a-two");
        assertThat(samples).allSatisfy(s -> {
            assertThat(s.memoryBytes()).isPositive();
            assertThat(s.time()).isNotNull();
        });
    }

    @Test
    void aHangingSampleIsLeftOutAtTheDeadlineAndNotStartedAgainWhileItHangs() {
        AtomicInteger hangingCalls = new AtomicInteger();
        StatsSource slow = handle -> {
            if (handle.allocId().equals("a-slow")) {
                hangingCalls.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new TaskStats(Instant.now(), 5, 100, 0, TaskStats.UNKNOWN, TaskStats.UNKNOWN);
        };
        StatsSampler sampler = new StatsSampler(Map.of("docker", slow), 4, Duration.ofMillis(300));
        List<TaskHandle> tasks = List.of(task("a-fast"), task("a-slow"));

        long started = System.nanoTime();
        assertThat(sampler.sample(tasks)).extracting(TaskSample::allocId).containsExactly("a-fast");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(sampler.sample(tasks)).extracting(TaskSample::allocId).containsExactly("a-fast");
        assertThat(hangingCalls).hasValue(1);
    }

    @Test
    void aFailingSourceStopsNoOtherSampleAndTasksOfOtherDriversAreSkipped() {
        StatsSource failing = handle -> {
            if (handle.allocId().equals("a-bad")) {
                throw new DriverException(DriverException.Reason.ENGINE_ERROR, "engine hiccup");
            }
            return new TaskStats(Instant.now(), 1, 2, 3, 4, 5);
        };
        StatsSampler sampler = new StatsSampler(Map.of("docker", failing), 1, Duration.ofSeconds(5));

        List<TaskSample> samples = sampler.sample(List.of(task("a-bad"), task("a-good"),
                new TaskHandle("process", "a-other", "1:1", "t")));

        assertThat(samples).containsExactly(new TaskSample("a-good", samples.get(0).time(), 1, 2, 3, 4, 5));
    }

    private static TaskHandle task(String allocId) {
        return new TaskHandle("docker", allocId, "c-" + allocId, "t");
    }
}
