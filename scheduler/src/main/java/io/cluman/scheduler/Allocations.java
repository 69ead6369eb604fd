package io.cluman.scheduler;

import java.util.Arrays;
import java.util.List;

/**
 * A scheduler's working copy of what each node has allocated: the snapshot's figures plus every replica the
 * scheduler has placed since. Updated in place, one replica at a time (no copying in the hot loop); ports are
 * copied on write per node. Not thread-safe: it belongs to one {@link Scheduler}.
 */
final class Allocations {
    private static final int[] NO_PORTS = {};

    private final long[] cpuCapacity;
    private final long[] memoryCapacity;
    private final long[] cpuUsed;
    private final long[] memoryUsed;
    private final int[][] ports;

    Allocations(Snapshot snapshot) {
        int n = snapshot.size();
        cpuCapacity = new long[n];
        memoryCapacity = new long[n];
        cpuUsed = new long[n];
        memoryUsed = new long[n];
        ports = new int[n][];
        for (int i = 0; i < n; i++) {
            NodeInfo node = snapshot.at(i);
            cpuCapacity[i] = node.milliCpus();
            memoryCapacity[i] = node.memory();
            cpuUsed[i] = node.usedMilliCpus();
            memoryUsed[i] = node.usedMemory();
            ports[i] = node.usedPorts().isEmpty() ? NO_PORTS
                    : node.usedPorts().stream().mapToInt(Integer::intValue).sorted().toArray();
        }
    }

    /**
     * Whether {@code need} more fits beside {@code used} within {@code capacity}. Asking for nothing always
     * fits, even on a node already over (containers placed by name are not refused for lack of room).
     */
    static boolean fits(long used, long need, long capacity) {
        return need == 0 || used + need <= capacity;
    }

    boolean cpuFits(int node, long need) {
        return fits(cpuUsed[node], need, cpuCapacity[node]);
    }

    boolean memoryFits(int node, long need) {
        return fits(memoryUsed[node], need, memoryCapacity[node]);
    }

    boolean portTaken(int node, int port) {
        return Arrays.binarySearch(ports[node], port) >= 0;
    }

    /**
     * How full the node would be with {@code cpu} and {@code memory} more: the mean of the CPU and memory
     * fractions, over the dimensions the node reports a capacity for (0 when it reports none).
     */
    double utilisationWith(int node, long cpu, long memory) {
        double sum = 0;
        int dimensions = 0;
        if (cpuCapacity[node] > 0) {
            sum += (double) (cpuUsed[node] + cpu) / cpuCapacity[node];
            dimensions++;
        }
        if (memoryCapacity[node] > 0) {
            sum += (double) (memoryUsed[node] + memory) / memoryCapacity[node];
            dimensions++;
        }
        return dimensions == 0 ? 0 : sum / dimensions;
    }

    void add(int node, long cpu, long memory, List<Integer> hostPorts) {
        cpuUsed[node] += cpu;
        memoryUsed[node] += memory;
        if (!hostPorts.isEmpty()) {
            int[] taken = Arrays.copyOf(ports[node], ports[node].length + hostPorts.size());
            for (int i = 0; i < hostPorts.size(); i++) {
                taken[ports[node].length + i] = hostPorts.get(i);
            }
            Arrays.sort(taken);
            ports[node] = taken;
        }
    }
}
