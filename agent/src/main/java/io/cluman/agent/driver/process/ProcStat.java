package io.cluman.agent.driver.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One line of {@code /proc/<pid>/stat}, the fields the process driver needs. A pid alone is not an
 * identity (pids are reused); pid and {@code startTime} together are: that is how a restarted agent
 * knows a recorded process is still the one it started.
 *
 * @param state     R, S, D, Z (zombie), X (dead), T, ...
 * @param startTime clock ticks after boot when the process started (field 22)
 * @param cpuTicks  user + system CPU time, in clock ticks (fields 14 and 15)
 */
record ProcStat(long pid, char state, long ppid, long pgrp, long session, long cpuTicks, long startTime) {
    /** Linux's USER_HZ: the unit of the tick fields, 100 on every architecture Linux runs on. */
    static final long TICKS_PER_SECOND = 100;
    private static final Path PROC = Path.of("/proc");

    /** The process {@code pid} as it is now; empty when there is none. */
    static Optional<ProcStat> read(long pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        try {
            return parse(Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses a stat line. The command name (field 2) is in parentheses and may itself hold spaces and
     * parentheses, so the fields after it are counted from the last {@code ')'}.
     */
    static Optional<ProcStat> parse(String line) {
        if (line == null) {
            return Optional.empty();
        }
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open <= 0 || close < open) {
            return Optional.empty();
        }
        String[] f = line.substring(close + 1).strip().split("\\s+");
        if (f.length < 20) {
            return Optional.empty();
        }
        try {
            // f[0] is field 3 (state): field n is f[n - 3]
            return Optional.of(new ProcStat(Long.parseLong(line.substring(0, open).strip()), f[0].charAt(0),
                    Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                    Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[19])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code pid} runs now and is the process that started at {@code startTime}. */
    static boolean alive(long pid, long startTime) {
        return read(pid).filter(s -> s.startTime() == startTime && s.running()).isPresent();
    }

    /** Not a zombie or dead: it can still run and take signals. */
    boolean running() {
        return state != 'Z' && state != 'X';
    }

    /** Every process of the host now (those that end while being read are skipped). */
    static List<ProcStat> all() {
        List<ProcStat> all = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .forEach(n -> read(Long.parseLong(n)).ifPresent(all::add));
        } catch (IOException e) {
            return List.of();
        }
        return all;
    }

    /** Resident memory of {@code pid} in bytes ({@code VmRSS} of its status), 0 when unknown. */
    static long residentBytes(long pid) {
        try (Stream<String> lines = Files.lines(PROC.resolve(Long.toString(pid)).resolve("status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.substring("VmRSS:".length()).replace("kB", "").strip()) * 1024)
                    .orElse(0L);
        } catch (IOException | NumberFormatException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
