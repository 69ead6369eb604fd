package io.cluman.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pauses in a spawned server's {@code -Xlog:gc} file over the whole run: how many, the longest,
 * their sum, and how many were full collections (a heap too small for what the server holds).
 */
record GcLogSummary(int pauses, double maxMillis, double totalMillis, int fullPauses, String lastHeap) {
    // [12.345s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 101M->52M(512M) 12.345ms
    private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) (Pause [A-Za-z]+).* (\\S+->\\S+) ([0-9.]+)ms");

    static Optional<GcLogSummary> read(Path file) {
        try {
            int pauses = 0;
            int full = 0;
            double max = 0;
            double total = 0;
            String heap = "";
            for (String line : Files.readAllLines(file)) {
                Matcher m = PAUSE.matcher(line);
                if (m.find()) {
                    double ms = Double.parseDouble(m.group(3));
                    pauses++;
                    full += m.group(1).equals("Pause Full") ? 1 : 0;
                    max = Math.max(max, ms);
                    total += ms;
                    heap = m.group(2);
                }
            }
            return Optional.of(new GcLogSummary(pauses, max, total, full, heap));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d pauses over the whole run, longest %.1f ms, %.1f s in all, %d full;"
                + " last heap before->after %s", pauses, maxMillis, totalMillis / 1000, fullPauses, lastHeap);
    }
}
