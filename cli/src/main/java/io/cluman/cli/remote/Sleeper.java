package io.cluman.cli.remote;

import java.time.Duration;

/** Waits between polls and reconnects; injected so tests run without real waiting. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = d -> Thread.sleep(d);

    void sleep(Duration duration) throws InterruptedException;
}
