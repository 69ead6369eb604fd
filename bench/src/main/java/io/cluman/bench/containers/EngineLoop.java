package io.cluman.bench.containers;

import io.cluman.bench.DockerCli;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The baseline: {@code docker run -d --network host IMAGE sleep 3600} in a plain loop, one after the other,
 * as a user's script would; {@code docker run -d} returns once the container was started.
 */
final class EngineLoop {
    private final DockerCli cli;
    private final String image;

    EngineLoop(String dockerHost, String image) {
        this.cli = new DockerCli(dockerHost);
        this.image = image;
    }

    RoundResult run(int count, String prefix) throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            runOne(prefix + i);
        }
        return new RoundResult("engine", count, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The same with {@code workers} loops at once (as {@code xargs -P}): the engine's parallel ceiling. */
    RoundResult runParallel(int count, String prefix, int workers) throws InterruptedException {
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = prefix + i;
                runs.add(pool.submit(() -> {
                    runOne(name);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                try {
                    run.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        return new RoundResult("engine" + workers, count, Duration.ofNanos(System.nanoTime() - start));
    }

    private void runOne(String name) throws IOException, InterruptedException {
        docker(List.of("run", "-d", "--network", "host", "--name", name, image, "sleep", "3600"));
    }

    /** Removes the containers of {@link #run} (SIGKILL, at once). */
    void remove(int count, String prefix) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rm", "-f"));
        for (int i = 0; i < count; i++) {
            command.add(prefix + i);
        }
        docker(command);
    }

    /** How many containers the engine has with label {@code key} (running or not). */
    int countLabelled(String key) throws IOException, InterruptedException {
        String out = docker(List.of("ps", "-aq", "--filter", "label=" + key));
        return (int) out.lines().filter(l -> !l.isBlank()).count();
    }

    private String docker(List<String> args) throws IOException, InterruptedException {
        return cli.run(args);
    }
}
