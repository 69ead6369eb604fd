package io.cluman.bench.containers;

import io.cluman.bench.CommandLineOptions;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.NodeView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Starts N containers on one node through Cluman, through a {@code docker run -d} loop on the same engine,
 * and through several such loops at once (the engine's parallel ceiling), alternating, for several rounds;
 * prints every round and the medians' ratios.
 *
 * <pre>
 * ContainerStartBench --server URL --token ADMIN_TOKEN --docker-host unix:///path/sock
 *                     [--count 50] [--rounds 3] [--image busybox:local] [--engine-parallel 8]
 * </pre>
 */
public final class ContainerStartBench {
    private ContainerStartBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = CommandLineOptions.parse(args);
        int count = Integer.parseInt(o.getOrDefault("count", "50"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        int parallel = Integer.parseInt(o.getOrDefault("engine-parallel", "8"));
        String image = o.getOrDefault("image", "busybox:local");
        ClumanClient admin = ClumanClient.connect(CommandLineOptions.require(o, "server"), CommandLineOptions.require(o, "token"));
        EngineLoop engine = new EngineLoop(CommandLineOptions.require(o, "docker-host"), image);
        NodeView node = admin.nodes(Map.of("state", "ACTIVE")).stream()
                .filter(n -> n.drivers() != null && n.drivers().contains("docker")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no ACTIVE node with the docker driver"));
        ClumanRound cluman = new ClumanRound(admin, node.id(), image);
        System.out.printf("node %s, %d containers of %s, %d rounds%n", node.name(), count, image, rounds);

        List<RoundResult> engineRounds = new ArrayList<>();
        List<RoundResult> clumanRounds = new ArrayList<>();
        List<RoundResult> parallelRounds = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            RoundResult e = engine.run(count, "eng-" + r + "-");
            System.out.println("round " + r + ": " + e);
            engine.remove(count, "eng-" + r + "-");
            engineRounds.add(e);

            RoundResult p = engine.runParallel(count, "par-" + r + "-", parallel);
            System.out.println("round " + r + ": " + p);
            engine.remove(count, "par-" + r + "-");
            parallelRounds.add(p);

            RoundResult c = cluman.run(count, "c" + r + "-");
            System.out.println("round " + r + ": " + c);
            cluman.remove(count, "c" + r + "-");
            awaitRemoved(engine);
            clumanRounds.add(c);
        }
        double engineRate = median(engineRounds);
        double clumanRate = median(clumanRounds);
        double parallelRate = median(parallelRounds);
        System.out.printf("median: engine %.1f/s, cluman %.1f/s: cluman reaches %.0f %% of the engine's rate%n",
                engineRate, clumanRate, 100 * clumanRate / engineRate);
        System.out.printf("median: %d docker run loops at once %.1f/s: cluman reaches %.0f %% of that%n", parallel,
                parallelRate, 100 * clumanRate / parallelRate);
    }

    private static void awaitRemoved(EngineLoop engine) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (engine.countLabelled("cluman.alloc") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the agent did not remove the containers within 2 minutes");
            }
            Thread.sleep(100);
        }
    }

    private static double median(List<RoundResult> results) {
        List<Double> rates = results.stream().map(RoundResult::perSecond).sorted(Comparator.naturalOrder()).toList();
        return rates.get(rates.size() / 2);
    }
}
