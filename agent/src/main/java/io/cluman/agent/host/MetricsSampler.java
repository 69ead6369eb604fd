package io.cluman.agent.host;

import io.cluman.model.node.NodeMetrics;
import java.io.IOException;
import java.net.NetworkInterface;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.locks.ReentrantLock;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/**
 * Samples the node's metrics. CPU % is the busy share of the CPU ticks between this sample and the
 * previous one (the first sample measures from construction), so the figure covers the whole
 * heartbeat interval rather than an instant. Disk figures are those of the file system holding the
 * data dir.
 *
 * <p>Thread-safe: the previous ticks are guarded by a lock; meant to be called by one loop.
 */
public final class MetricsSampler {
    private final HardwareAbstractionLayer hardware;
    private final Path dataDir;
    private final InstantSource clock;
    private final ReentrantLock lock = new ReentrantLock();
    private long[] previousTicks;

    public MetricsSampler(SystemInfo system, Path dataDir, InstantSource clock) {
        this.hardware = system.getHardware();
        this.dataDir = dataDir;
        this.clock = clock;
        this.previousTicks = hardware.getProcessor().getSystemCpuLoadTicks();
    }

    public NodeMetrics sample() {
        CentralProcessor cpu = hardware.getProcessor();
        GlobalMemory memory = hardware.getMemory();
        long total = memory.getTotal();
        long used = Math.max(0, Math.min(total, total - memory.getAvailable()));
        double[] load = cpu.getSystemLoadAverage(3);
        long[] disk = dataDirDisk();
        long[] net = networkBytes();
        return new NodeMetrics(clock.instant(), cpuPercent(cpu), used, total, disk[0], disk[1],
                nonNegative(load, 0), nonNegative(load, 1), nonNegative(load, 2), net[0], net[1]);
    }

    private double cpuPercent(CentralProcessor cpu) {
        lock.lock();
        try {
            long[] ticks = cpu.getSystemCpuLoadTicks();
            double busy = cpu.getSystemCpuLoadBetweenTicks(previousTicks, ticks);
            previousTicks = ticks;
            // no ticks elapsed gives NaN; a negative delta (counter reset) gives nonsense: report idle
            return Double.isFinite(busy) ? Math.max(0, Math.min(100, busy * 100)) : 0;
        } finally {
            lock.unlock();
        }
    }

    /** {free, total} of the data dir's file system; of its nearest existing parent before it exists. */
    private long[] dataDirDisk() {
        Path dir = dataDir.toAbsolutePath();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return new long[] {0, 0};
        }
        try {
            FileStore store = Files.getFileStore(dir);
            return new long[] {store.getUsableSpace(), store.getTotalSpace()};
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }

    /** {rx, tx} bytes since boot, summed over the non-loopback interfaces. */
    private long[] networkBytes() {
        long rx = 0;
        long tx = 0;
        for (NetworkIF nic : hardware.getNetworkIFs(true)) {
            if (!isLoopback(nic)) {
                rx += nic.getBytesRecv();
                tx += nic.getBytesSent();
            }
        }
        return new long[] {rx, tx};
    }

    private static boolean isLoopback(NetworkIF nic) {
        try {
            NetworkInterface nif = nic.queryNetworkInterface();
            return nif != null ? nif.isLoopback() : "lo".equals(nic.getName());
        } catch (java.net.SocketException e) {
            return "lo".equals(nic.getName());
        }
    }

    private static double nonNegative(double[] values, int index) {
        // OSHI gives a negative figure where the platform has no load average
        return index < values.length && values[index] > 0 ? values[index] : 0;
    }
}
