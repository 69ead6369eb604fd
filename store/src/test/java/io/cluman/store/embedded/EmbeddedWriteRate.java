package io.cluman.store.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints how many acknowledged (fsync'd) small writes per second an {@link EmbeddedKvStore} takes from
 * a number of virtual threads. A program that prints figures, not a test.
 *
 * <p>Arguments: [directory (default: a temporary one)] [writes per thread count, e.g. 1,8,64,256].
 */
public final class EmbeddedWriteRate {
    private static final Duration RUN = Duration.ofSeconds(5);

    private EmbeddedWriteRate() {
    }

    public static void main(String[] args) throws Exception {
        Path root = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("cluman-write-rate-");
        String threadCounts = args.length > 1 ? args[1] : "1,8,64,256";
        for (String count : threadCounts.split(",")) {
            int threads = Integer.parseInt(count.strip());
            Path dir = root.resolve("threads-" + threads);
            try (EmbeddedKvStore store = new EmbeddedKvStore(dir)) {
                long writes = run(store, threads);
                System.out.printf("%4d threads: %,8d writes in %ds = %,7d writes/s (revision %,d)%n", threads, writes,
                        RUN.toSeconds(), writes / RUN.toSeconds(), store.revision());
            }
            deleteRecursively(dir);
        }
    }

    private static long run(EmbeddedKvStore store, int threads) throws Exception {
        long deadline = System.nanoTime() + RUN.toNanos();
        byte[] value = "{\"state\":\"running\",\"node\":\"n-17\"}".getBytes(StandardCharsets.UTF_8);
        List<Future<Long>> counts = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                String prefix = "/bench/t" + t + "/";
                counts.add(pool.submit(() -> {
                    long n = 0;
                    while (System.nanoTime() < deadline) {
                        store.put(prefix + (n % 1000), value);
                        n++;
                    }
                    return n;
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
