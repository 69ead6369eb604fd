package io.cluman.agent.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * How many TCP connections a task serves now: the established sockets of its network namespace whose local
 * port is one of the task's published ports, read from {@code /proc/<pid>/net/tcp} and {@code tcp6} (those
 * files show the namespace of the process {@code pid}: the host's for a plain process, the container's for a
 * Docker container). An idle keep-alive connection counts like a busy one: this is connections open, the
 * closest a node can see to requests in flight without a proxy in front.
 */
public final class TcpConnections {
    /** {@code st} of an established socket in the kernel's table. */
    private static final String ESTABLISHED = "01";

    private TcpConnections() {
    }

    /**
     * The established connections to {@code ports} in the namespace of {@code pid}; {@link TaskStats#UNKNOWN}
     * when its tables cannot be read (the process is gone, or is in a pid namespace this agent cannot see).
     */
    public static long served(long pid, Set<Integer> ports) {
        if (ports.isEmpty() || pid <= 0) {
            return TaskStats.UNKNOWN;
        }
        Path net = Path.of("/proc", Long.toString(pid), "net");
        try {
            return count(Files.readString(net.resolve("tcp")), ports) + count(tcp6(net), ports);
        } catch (IOException e) {
            return TaskStats.UNKNOWN;
        }
    }

    private static String tcp6(Path net) {
        try {
            return Files.readString(net.resolve("tcp6"));
        } catch (IOException e) {
            return ""; // a kernel without IPv6
        }
    }

    /**
     * The established sockets of one table ({@code /proc/net/tcp} format: a header line, then
     * {@code sl local_address rem_address st ...} with addresses as {@code HEXIP:HEXPORT}) whose local port is
     * one of {@code ports}.
     */
    static long count(String table, Set<Integer> ports) {
        long n = 0;
        for (String line : table.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 4 || !ESTABLISHED.equals(f[3])) {
                continue;
            }
            int colon = f[1].lastIndexOf(':');
            if (colon < 0) {
                continue;
            }
            try {
                if (ports.contains(Integer.parseInt(f[1].substring(colon + 1), 16))) {
                    n++;
                }
            } catch (NumberFormatException e) {
                // not a socket line
            }
        }
        return n;
    }
}
