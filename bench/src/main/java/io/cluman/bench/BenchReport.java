package io.cluman.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Prints the figures of one run as plain text, with what is needed to repeat and judge it. */
final class BenchReport {
    static final double P99_TARGET_MS = 50;
    static final long RSS_TARGET_MIB = 1024;

    /** Everything the report shows. */
    record Figures(String commandLine, BenchTarget target, BenchOptions options, long joined, double joinSeconds,
                   double windowSeconds, FleetCounters counters, OfflineWatch.Offs offs, long offAtEnd,
                   Optional<ProcessSampler.Result> server, ProcessSampler.Result bench, long listenOverflows,
                   long serverConnections) {
    }

    private BenchReport() {
    }

    static void print(PrintStream out, Figures f) {
        FleetCounters c = f.counters();
        LatencyRecorder.Summary beats = c.heartbeatLatency.summary();
        LatencyRecorder.Summary joins = c.joinLatency.summary();
        LatencyRecorder.Summary lag = c.startLag.summary();
        long errors = c.errorsInWindow().values().stream().mapToLong(Long::longValue).sum();
        out.println("== Cluman heartbeat benchmark ==");
        line(out, "date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        line(out, "command", f.commandLine());
        line(out, "server", f.target().description());
        line(out, "machine", machine());
        line(out, "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + ")");
        line(out, "note", "the bench client (all simulated agents, over " + f.options().httpClients()
                + " JDK HTTP clients) shares the machine's " + Runtime.getRuntime().availableProcessors()
                + " cores with the server");
        line(out, "nodes", String.format(Locale.ROOT, "%d simulated, %d joined in %.1f s at %d/s; join errors %d;"
                        + " join latency ms p50 %.1f p99 %.1f max %.1f", f.options().nodes(), f.joined(),
                f.joinSeconds(), f.options().joinRate(), c.joinErrors.sum(), joins.millisAt(0.5), joins.millisAt(0.99),
                joins.maxMillis()));
        line(out, "phases", String.format(Locale.ROOT, "warmup %d s after the last join, then measured %.1f s",
                f.options().warmup().toSeconds(), f.windowSeconds()));
        line(out, "beat timing", f.options().fixedRate() ? "fixed rate (next = previous plan + interval)"
                : "after reply: next = reply + interval (the agent before fixed-rate beats)");
        line(out, "interval", c.beats.sum() == 0 ? "no heartbeat answered" : c.minInterval.get() == c.maxInterval.get()
                ? c.minInterval.get() + " ms (as every reply asked)"
                : c.minInterval.get() + " .. " + c.maxInterval.get() + " ms (as the replies asked)");
        line(out, "heartbeats", String.format(Locale.ROOT, "%d answered in the window = %.1f/s", c.beats.sum(),
                c.beats.sum() / f.windowSeconds()));
        line(out, "latency ms", String.format(Locale.ROOT, "p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (%d samples,"
                        + " %d above %.0f ms)", beats.millisAt(0.5), beats.millisAt(0.99), beats.millisAt(0.999),
                beats.maxMillis(), beats.count(), beats.above(P99_TARGET_MS), P99_TARGET_MS));
        line(out, "start lag ms", String.format(Locale.ROOT, "p99 %.2f  max %.2f  (how late the bench sent beats;"
                + " large means the client fell behind)", lag.millisAt(0.99), lag.maxMillis()));
        line(out, "errors", errors + " in the window " + c.errorsInWindow() + "; outside it "
                + c.errorsOutsideWindow() + "; rejoins after 404: " + c.rejoins.sum());
        line(out, "false off", f.offs().total() + " offline events of simulated nodes over the whole run ("
                + f.offs().inWindow() + " in the window), " + (f.offAtEnd() < 0 ? "unknown" : f.offAtEnd())
                + " simulated nodes off at the end"
                + (f.offs().mayHaveMissed() ? "; WARNING: an event poll came back full, some may be missed" : "")
                + (f.offs().lastError().isEmpty() ? "" : "; last poll error: " + f.offs().lastError()));
        f.offs().examples().forEach(m -> line(out, "  e.g.", m));
        line(out, "connections", f.serverConnections() + " open to the server at the end of the window");
        line(out, "tcp", f.listenOverflows() + " connection attempts dropped by full accept queues over the whole"
                + " run (TcpExt ListenOverflows, machine-wide; each costs the client a 1 s SYN retry)");
        f.server().ifPresentOrElse(s -> serverLines(out, s), () -> line(out, "server CPU", "unknown (no pid)"));
        gcLine(out, f.target());
        ProcessSampler.Result b = f.bench();
        line(out, "bench client", String.format(Locale.ROOT, "CPU mean %.1f %% of one core, max RSS %d MiB",
                b.cpuPercentOfOneCore(), b.maxRssKib() >> 10));
        int cores = Runtime.getRuntime().availableProcessors();
        double others = b.machineBusyPercent() * cores - b.cpuPercentOfOneCore()
                - f.server().map(ProcessSampler.Result::cpuPercentOfOneCore).orElse(0.0);
        line(out, "machine load", String.format(Locale.ROOT, "busy %.1f %% of its %d cores in the window; other"
                + " processes (not server, not bench) used %.1f %% of one core", b.machineBusyPercent(), cores,
                Math.max(0, others)));
        targets(out, beats, f);
    }

    private static void serverLines(PrintStream out, ProcessSampler.Result s) {
        line(out, "server CPU", String.format(Locale.ROOT, "mean %.1f %% of one core, busiest second %.1f %%",
                s.cpuPercentOfOneCore(), s.peakCpuPercent()));
        line(out, "server RSS", String.format(Locale.ROOT, "max %d MiB in the window (sampled every second);"
                + " peak over the whole run %d MiB (VmHWM); threads max %d", s.maxRssKib() >> 10,
                s.peakRssKib() >> 10, s.maxThreads()));
    }

    private static void gcLine(PrintStream out, BenchTarget target) {
        target.gcLog().flatMap(GcLogSummary::read).ifPresent(gc -> line(out, "server GC", gc.toString()));
    }

    private static void targets(PrintStream out, LatencyRecorder.Summary beats, Figures f) {
        boolean p99 = beats.count() > 0 && beats.millisAt(0.99) < P99_TARGET_MS;
        boolean noOff = f.offs().total() == 0 && f.offAtEnd() == 0 && !f.offs().mayHaveMissed()
                && f.offs().lastError().isEmpty();
        String rss = f.server().map(s -> Math.max(s.maxRssKib(), s.peakRssKib()) >> 10 < RSS_TARGET_MIB ? "met"
                : "MISSED").orElse("unknown");
        line(out, "targets", "p99 < 50 ms: " + (p99 ? "met" : "MISSED") + "; zero false off: "
                + (noOff ? "met" : "MISSED") + "; server RSS < 1 GiB: " + rss + "; all joined: "
                + (f.joined() == f.options().nodes() ? "yes" : "NO"));
    }

    private static void line(PrintStream out, String label, String text) {
        out.printf(Locale.ROOT, "%-14s %s%n", label + ":", text);
    }

    private static String machine() {
        String model = firstValue(Path.of("/proc/cpuinfo"), "model name");
        String mem = firstValue(Path.of("/proc/meminfo"), "MemTotal").replaceAll("[^0-9]", "");
        String gib = mem.isEmpty() ? "?" : String.format(Locale.ROOT, "%.1f", Long.parseLong(mem) / 1048576.0);
        return Runtime.getRuntime().availableProcessors() + " cores (" + model + "), " + gib
                + " GiB memory, " + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    private static String firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
