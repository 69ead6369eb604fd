package io.cluman.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine's count of connections dropped because a listening socket's accept queue was full
 * ({@code TcpExt: ListenOverflows} in {@code /proc/net/netstat}). Machine-wide: other processes'
 * sockets count too, but during a run the server is by far the busiest listener.
 */
final class ListenOverflows {
    private ListenOverflows() {
    }

    /** The counter now, or -1 when it cannot be read. */
    static long now() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/netstat"));
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith("TcpExt:") && lines.get(i + 1).startsWith("TcpExt:")) {
                    String[] names = lines.get(i).trim().split(" +");
                    String[] values = lines.get(i + 1).trim().split(" +");
                    for (int k = 1; k < names.length && k < values.length; k++) {
                        if (names[k].equals("ListenOverflows")) {
                            return Long.parseLong(values[k]);
                        }
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
