package io.cluman.store.embedded;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The victim of {@link EmbeddedCrashTest}: opens a store and writes {@code <round>/k000001},
 * {@code <round>/k000002}, ... from several virtual threads until it is killed, printing
 * {@code ACK <key> <revision>} only after {@code put} returned.
 *
 * <p>Arguments: directory, round name, writer threads, snapshot every N records.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) {
        Path directory = Path.of(args[0]);
        String round = args[1];
        int threads = Integer.parseInt(args[2]);
        long snapshotAfter = Long.parseLong(args[3]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        EmbeddedKvStore store = new EmbeddedKvStore(directory, InstantSource.system(),
                EmbeddedOptions.defaults().withSnapshotAfterRecords(snapshotAfter));
        out.println("READY " + store.revision());
        AtomicLong next = new AtomicLong();
        try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                writers.submit(() -> {
                    while (true) {
                        String key = "%s/k%06d".formatted(round, next.incrementAndGet());
                        long revision = store.put(key, valueOf(key));
                        out.println("ACK " + key + " " + revision);
                    }
                });
            }
        }
    }

    /** The value written for a key, so the test can check it. */
    static byte[] valueOf(String key) {
        return ("value-of-" + key).getBytes(StandardCharsets.UTF_8);
    }
}
