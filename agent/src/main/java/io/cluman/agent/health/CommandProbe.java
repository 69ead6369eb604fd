package io.cluman.agent.health;

import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.ExecResult;
import io.cluman.agent.driver.ExecSource;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.model.validation.Durations;
import java.time.Duration;
import java.util.List;

/** Passes when the command, run in the task by its driver, ends with exit code 0 within the timeout. */
record CommandProbe(ExecSource driver, TaskHandle handle, List<String> argv) implements HealthProbe {
    CommandProbe {
        argv = List.copyOf(argv);
    }

    @Override
    public ProbeResult run(Duration timeout) throws InterruptedException {
        ExecResult result;
        try {
            result = driver.exec(handle, argv, timeout);
        } catch (DriverException e) {
            return ProbeResult.fail(e.getMessage());
        }
        if (result.succeeded()) {
            return ProbeResult.pass();
        }
        String said = result.output().isBlank() ? "" : ": " + result.output();
        return ProbeResult.fail(result.timedOut() ? "timed out after " + Durations.format(timeout) + said
                : "exit code " + result.exitCode() + said);
    }
}
