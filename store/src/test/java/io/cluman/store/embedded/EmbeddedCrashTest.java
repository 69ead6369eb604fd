package io.cluman.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.store.KeyValue;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing JVM with SIGKILL and checks that every write it acknowledged is still there: the
 * durability promise of {@link EmbeddedKvStore}. Several rounds on the same directory, with snapshots
 * every few hundred records, so kills land before, during and after snapshots.
 */
class EmbeddedCrashTest {
    private static final int ROUNDS = 4;
    private static final int ACKS_BEFORE_KILL = 2_000;
    private static final Pattern ACK = Pattern.compile("ACK (\\S+) (\\d+)");

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        Path store = dir.resolve("store");
        Map<String, Long> acknowledged = new LinkedHashMap<>();
        long lastRevision = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            Map<String, Long> acks = writeUntilKilled(store, "r" + round, round % 2 == 0 ? 300 : 1_000);
            acknowledged.putAll(acks);
            long maxAcked = acks.values().stream().mapToLong(Long::longValue).max().orElseThrow();

            try (EmbeddedKvStore reopened = new EmbeddedKvStore(store)) {
                for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
                    KeyValue kv = reopened.get(ack.getKey()).orElseThrow(
                            () -> new AssertionError("acknowledged key " + ack.getKey() + " was lost"));
                    assertThat(kv.value()).isEqualTo(CrashWriter.valueOf(ack.getKey()));
                    assertThat(kv.modRevision()).isEqualTo(ack.getValue());
                }
                assertThat(reopened.revision()).isGreaterThanOrEqualTo(maxAcked).isGreaterThan(lastRevision);
                long next = reopened.put("after-round-" + round, new byte[] {1});
                assertThat(next).isEqualTo(reopened.revision()).isGreaterThan(maxAcked);
                lastRevision = next;
            }
        }
    }

    /** Runs {@link CrashWriter} until it acknowledged enough keys, then SIGKILLs it; returns key to revision. */
    private Map<String, Long> writeUntilKilled(Path store, String round, int snapshotAfter) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), store.toString(), round, "16", Integer.toString(snapshotAfter)));
        Process writer = new ProcessBuilder(command)
                .redirectError(dir.resolve("writer-" + round + ".err").toFile())
                .start();
        Map<String, Long> acks = new LinkedHashMap<>();
        try (InputStream out = new BufferedInputStream(writer.getInputStream())) {
            String line;
            while (acks.size() < ACKS_BEFORE_KILL && (line = completeLine(out)) != null) {
                record(line, acks);
            }
            writer.toHandle().destroyForcibly(); // SIGKILL (the handle, unlike Process, keeps stdout readable)
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            while ((line = completeLine(out)) != null) {
                record(line, acks); // printed before the kill landed: acknowledged too
            }
        }
        assertThat(acks).as("acknowledged writes of round %s (see %s)", round, dir).hasSizeGreaterThanOrEqualTo(
                ACKS_BEFORE_KILL);
        return acks;
    }

    private static void record(String line, Map<String, Long> acks) {
        Matcher ack = ACK.matcher(line);
        if (ack.matches()) {
            acks.put(ack.group(1), Long.parseLong(ack.group(2)));
        }
    }

    /** The next line ended by a newline, or null at the end (a line cut short by the kill is dropped). */
    private static String completeLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return null;
    }
}
