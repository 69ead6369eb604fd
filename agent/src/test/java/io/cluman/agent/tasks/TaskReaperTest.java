package io.cluman.agent.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.agent.driver.TaskHandle;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TaskReaperTest {
    private final FakeTaskDriver driver = new FakeTaskDriver();
    private final TaskReaper reaper = new TaskReaper();

    @Test
    void removalsWaitUntilNoStopIsUnderWay() {
        TaskHandle slow = driver.leaveBehind("slow");
        TaskHandle quick = driver.leaveBehind("quick");
        driver.slowStop = "slow";
        Thread.ofVirtual().start(() -> reaper.stopThenRemove(driver, slow, Duration.ofSeconds(10)));
        await().until(() -> driver.count("stop slow") == 1);

        reaper.stopThenRemove(driver, quick, Duration.ofSeconds(10));
        await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        assertThat(driver.count("destroy quick")).as("waits for the other stop").isZero();

        driver.slowStopEnds.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.count("destroy quick") == 1
                && driver.count("destroy slow") == 1);
        assertThat(driver.tasks).isEmpty();
    }
}
