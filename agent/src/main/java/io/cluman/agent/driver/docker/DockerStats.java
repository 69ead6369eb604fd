package io.cluman.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.StatisticNetworksConfig;
import com.github.dockerjava.api.model.Statistics;
import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.DriverException.Reason;
import io.cluman.agent.driver.TaskHandle;
import io.cluman.agent.driver.TaskStats;
import io.cluman.agent.driver.TcpConnections;
import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One stats sample of a container: the engine's one-shot stats (it measures CPU over about a second),
 * computed the way {@code docker stats} does. The memory limit is the container's own (0 when it has
 * none), not the host total the engine reports for unlimited containers.
 */
final class DockerStats {
    private static final long TIMEOUT_S = 10;

    private DockerStats() {
    }

    static TaskStats sample(DockerClient docker, TaskHandle handle, InstantSource clock, ContainerFacts known) {
        String what = "reading the stats of container " + DockerDriver.describe(handle);
        ContainerFacts.Facts facts = known.of(docker, handle.runtimeId(), what);
        long limit = facts.memoryLimit();
        Statistics stats = one(docker, handle, what);
        if (stats == null) {
            return new TaskStats(clock.instant(), 0, 0, limit, TaskStats.UNKNOWN, TaskStats.UNKNOWN);
        }
        long[] net = network(stats.getNetworks());
        long connections = TcpConnections.served(facts.pid(), facts.tcpPorts());
        if (connections == TaskStats.UNKNOWN && !facts.tcpPorts().isEmpty()) {
            known.forget(handle.runtimeId()); // its pid is gone (restarted by the engine?): inspect it again next time
        }
        return new TaskStats(read(stats, clock), cpuPercent(stats), memoryUsed(stats.getMemoryStats()), limit, net[0],
                net[1], connections);
    }

    private static Statistics one(DockerClient docker, TaskHandle handle, String what) {
        var callback = new ResultCallback.Adapter<Statistics>() {
            private volatile Statistics first;

            @Override
            public void onNext(Statistics statistics) {
                if (first == null) {
                    first = statistics;
                }
            }
        };
        try (var running = docker.statsCmd(handle.runtimeId()).withNoStream(true).exec(callback)) {
            if (!running.awaitCompletion(TIMEOUT_S, TimeUnit.SECONDS)) {
                throw new DriverException(Reason.ENGINE_ERROR, what + ": no answer within " + TIMEOUT_S + " s");
            }
            return callback.first;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return callback.first;
        } catch (IOException e) {
            return callback.first;
        } catch (DriverException e) {
            throw e;
        } catch (RuntimeException e) {
            throw DockerErrors.map(e, what);
        }
    }

    /** CPU used between the engine's two readings, in percent of one core. */
    static double cpuPercent(Statistics stats) {
        CpuStatsConfig now = stats.getCpuStats();
        CpuStatsConfig before = stats.getPreCpuStats();
        if (now == null || before == null || now.getCpuUsage() == null || before.getCpuUsage() == null
                || now.getSystemCpuUsage() == null || before.getSystemCpuUsage() == null) {
            return 0;
        }
        long cpu = value(now.getCpuUsage().getTotalUsage()) - value(before.getCpuUsage().getTotalUsage());
        long system = now.getSystemCpuUsage() - before.getSystemCpuUsage();
        long cpus = now.getOnlineCpus() != null && now.getOnlineCpus() > 0 ? now.getOnlineCpus()
                : now.getCpuUsage().getPercpuUsage() == null ? 1 : now.getCpuUsage().getPercpuUsage().size();
        return cpu > 0 && system > 0 ? (double) cpu / system * cpus * 100.0 : 0;
    }

    /** Usage without the page cache, as {@code docker stats} shows it (cgroup v1 and v2). */
    static long memoryUsed(MemoryStatsConfig memory) {
        if (memory == null || memory.getUsage() == null) {
            return 0;
        }
        long cache = 0;
        if (memory.getStats() != null) {
            Long inactive = memory.getStats().getTotalInactiveFile() != null ? memory.getStats().getTotalInactiveFile()
                    : memory.getStats().getInactiveFile();
            cache = inactive != null ? inactive : value(memory.getStats().getCache());
        }
        return Math.max(0, memory.getUsage() - cache);
    }

    private static long[] network(Map<String, StatisticNetworksConfig> networks) {
        if (networks == null || networks.isEmpty()) {
            return new long[] {TaskStats.UNKNOWN, TaskStats.UNKNOWN};
        }
        long rx = 0;
        long tx = 0;
        for (StatisticNetworksConfig n : networks.values()) {
            rx += value(n.getRxBytes());
            tx += value(n.getTxBytes());
        }
        return new long[] {rx, tx};
    }

    private static Instant read(Statistics stats, InstantSource clock) {
        Instant at = ContainerStates.time(stats.getRead());
        return at == null ? clock.instant() : at;
    }

    private static long value(Long value) {
        return value == null ? 0 : value;
    }
}
