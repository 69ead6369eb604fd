package io.cluman.bench.services;

import io.cluman.bench.DockerCli;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Runs the docker CLI against one engine, and waits until it runs a given number of matching containers. */
final class EngineCount {
    private static final Duration POLL = Duration.ofMillis(100);

    private final DockerCli cli;

    EngineCount(String dockerHost) {
        this.cli = new DockerCli(dockerHost);
    }

    /** How many running containers carry {@code label} (a key, or key=value). */
    int running(String label) throws IOException, InterruptedException {
        return (int) docker(List.of("ps", "-q", "--filter", "label=" + label, "--filter", "status=running"))
                .lines().filter(l -> !l.isBlank()).count();
    }

    /** Waits until exactly {@code count} matching containers run; the time from {@code startNanos}. */
    Duration awaitRunning(String label, int count, long startNanos, Duration limit)
            throws IOException, InterruptedException {
        long deadline = startNanos + limit.toNanos();
        while (running(label) != count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(count + " containers labelled " + label + " were not running within "
                        + limit.toSeconds() + " s (running: " + running(label) + ")");
            }
            Thread.sleep(POLL);
        }
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Waits until the engine has no containers at all, running or not. */
    void awaitNone(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!docker(List.of("ps", "-aq")).isBlank()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the engine still has containers after " + limit.toSeconds() + " s");
            }
            Thread.sleep(POLL);
        }
    }

    String docker(List<String> args) throws IOException, InterruptedException {
        return cli.run(args);
    }
}
