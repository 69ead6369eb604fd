package io.cluman.bench.services;

import io.cluman.bench.CommandLineOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Times create 50 → scale 100 → scale 10 of a busybox {@code sleep 3600} service on Docker Swarm and on Cluman,
 * each step until the engine runs the target count; prints both and Cluman's share of Swarm's time.
 *
 * <pre>
 * SwarmCompare --server URL --token ADMIN_TOKEN --cluman-docker-host unix:///a.sock --swarm-docker-host unix:///b.sock
 *              [--image busybox:local] [--steps 50,100,10] [--swarm-init true|false]
 * </pre>
 */
public final class SwarmCompare {
    private static final Duration LIMIT = Duration.ofMinutes(5);
    private static final String SWARM_LABEL = "com.docker.swarm.service.name=bench";
    private static final String CLUMAN_LABEL = "cluman.alloc";

    private SwarmCompare() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = CommandLineOptions.parse(args);
        String image = o.getOrDefault("image", "busybox:local");
        // Cluman runs every container with an init process as PID 1 (signals reach the task); the Swarm service
        // gets the same by default, so both stop `sleep` on SIGTERM within the same 10 s grace
        boolean swarmInit = Boolean.parseBoolean(o.getOrDefault("swarm-init", "true"));
        List<Integer> steps = new ArrayList<>();
        for (String s : o.getOrDefault("steps", "50,100,10").split(",")) {
            steps.add(Integer.parseInt(s.strip()));
        }
        EngineCount swarm = new EngineCount(CommandLineOptions.require(o, "swarm-docker-host"));
        EngineCount clumanEngine = new EngineCount(CommandLineOptions.require(o, "cluman-docker-host"));
        ClumanServices cluman = new ClumanServices(CommandLineOptions.require(o, "server"),
                CommandLineOptions.require(o, "token"), image);

        List<Duration> swarmTimes = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            int n = steps.get(i);
            long start = System.nanoTime();
            if (i == 0) {
                List<String> create = new ArrayList<>(List.of("service", "create", "--detach", "--name", "bench",
                        "--replicas", Integer.toString(n), "--stop-grace-period", "10s"));
                if (swarmInit) {
                    create.add("--init");
                }
                create.addAll(List.of(image, "sleep", "3600"));
                swarm.docker(create);
            } else {
                swarm.docker(List.of("service", "scale", "--detach", "bench=" + n));
            }
            swarmTimes.add(swarm.awaitRunning(SWARM_LABEL, n, start, LIMIT));
            System.out.printf("swarm  step %d → %3d running after %6.2f s%n", i, n, seconds(swarmTimes.get(i)));
        }
        swarm.docker(List.of("service", "rm", "bench"));
        // the Swarm engine removes its containers (and their vfs copies) in the background: let it finish
        // before Cluman's steps, so the two never share the disk; and have the ~400 MB its steps left dirty in the
        // page cache written out now, not (30 s later, by the kernel) during Cluman's first step
        swarm.awaitNone(LIMIT);
        syncDisks();

        List<Duration> clumanTimes = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            int n = steps.get(i);
            long start = System.nanoTime();
            if (i == 0) {
                cluman.create("bench", n);
            } else {
                cluman.scale("bench", n);
            }
            clumanTimes.add(clumanEngine.awaitRunning(CLUMAN_LABEL, n, start, LIMIT));
            System.out.printf("cluman step %d → %3d running after %6.2f s%n", i, n, seconds(clumanTimes.get(i)));
        }
        cluman.remove("bench");

        for (int i = 0; i < steps.size(); i++) {
            System.out.printf("step %d (→ %d): swarm %6.2f s, cluman %6.2f s = %.2f× swarm's time%n", i, steps.get(i),
                    seconds(swarmTimes.get(i)), seconds(clumanTimes.get(i)),
                    seconds(clumanTimes.get(i)) / seconds(swarmTimes.get(i)));
        }
    }

    private static void syncDisks() throws IOException, InterruptedException {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
