package io.cluman.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Samples one process from {@code /proc} once a second: CPU time ({@code utime + stime} of
 * {@code /proc/PID/stat}, in clock ticks of 1/100 s) and resident memory ({@code VmRSS} of
 * {@code /proc/PID/status}); and the whole machine's busy share from {@code /proc/stat}.
 * Started and stopped by one thread; {@link #result()} after {@link #stop()}.
 */
final class ProcessSampler {
    /** {@code getconf CLK_TCK}: 100 on every Linux this runs on. */
    static final double TICKS_PER_SECOND = 100.0;

    private final long pid;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Sample> samples = new ArrayList<>();
    private ScheduledExecutorService timer;

    /** One reading: CPU ticks of the process, its RSS and peak RSS in KiB, its threads, machine ticks. */
    record Sample(long nanoTime, long cpuTicks, long rssKib, long hwmKib, int threads, long machineBusy,
                  long machineTotal) {
    }

    /** The figures of the sampled window. */
    record Result(double seconds, double cpuPercentOfOneCore, double peakCpuPercent, long maxRssKib,
                  long peakRssKib, int maxThreads, double machineBusyPercent) {
    }

    ProcessSampler(long pid) {
        this.pid = pid;
    }

    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("proc-sampler").factory());
        timer.scheduleAtFixedRate(this::sampleSafely, 0, 1, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        sampleSafely();
    }

    private void sampleSafely() {
        try {
            Sample s = read(pid);
            lock.lock();
            try {
                samples.add(s);
            } finally {
                lock.unlock();
            }
        } catch (UncheckedIOException | IllegalArgumentException e) {
            System.err.println("bench: cannot sample process " + pid + ": " + e.getMessage());
        }
    }

    Result result() {
        List<Sample> all;
        lock.lock();
        try {
            all = List.copyOf(samples);
        } finally {
            lock.unlock();
        }
        if (all.size() < 2) {
            return new Result(0, Double.NaN, Double.NaN, 0, 0, 0, Double.NaN);
        }
        Sample first = all.getFirst();
        Sample last = all.getLast();
        double seconds = (last.nanoTime() - first.nanoTime()) / 1e9;
        double peak = 0;
        long maxRss = 0;
        int maxThreads = 0;
        for (int i = 0; i < all.size(); i++) {
            Sample s = all.get(i);
            maxRss = Math.max(maxRss, s.rssKib());
            maxThreads = Math.max(maxThreads, s.threads());
            if (i > 0) {
                peak = Math.max(peak, cpuPercent(all.get(i - 1), s));
            }
        }
        double machine = 100.0 * (last.machineBusy() - first.machineBusy())
                / Math.max(1, last.machineTotal() - first.machineTotal());
        return new Result(seconds, cpuPercent(first, last), peak, maxRss, last.hwmKib(), maxThreads, machine);
    }

    private static double cpuPercent(Sample from, Sample to) {
        double seconds = (to.nanoTime() - from.nanoTime()) / 1e9;
        return seconds <= 0 ? 0 : 100.0 * (to.cpuTicks() - from.cpuTicks()) / TICKS_PER_SECOND / seconds;
    }

    static Sample read(long pid) {
        long now = System.nanoTime();
        String stat = readString(Path.of("/proc", Long.toString(pid), "stat"));
        // the command name (field 2) may hold spaces: count fields after its closing parenthesis
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15: utime, stime
        long rss = 0;
        long hwm = 0;
        int threads = 0;
        for (String line : readString(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line);
            } else if (line.startsWith("VmHWM:")) {
                hwm = kib(line);
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.substring(8).trim());
            }
        }
        String[] cpu = readString(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split(" +");
        long total = 0;
        for (int i = 1; i < Math.min(cpu.length, 9); i++) { // user .. steal
            total += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]); // idle + iowait
        return new Sample(now, ticks, rss, hwm, threads, total - idle, total);
    }

    private static long kib(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    private static String readString(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
