package io.cluman.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * TCP figures of this machine from {@code /proc/net}: connections dropped because a listening socket's
 * accept queue was full ({@code TcpExt: ListenOverflows}, machine-wide, so other processes' sockets
 * count too), and how many connections to a local port are established.
 */
final class TcpStats {
    private static final String ESTABLISHED = "01";

    private TcpStats() {
    }

    /** The ListenOverflows counter now, or -1 when it cannot be read. */
    static long listenOverflows() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/netstat"));
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith("TcpExt:") && lines.get(i + 1).startsWith("TcpExt:")) {
                    return valueOf("ListenOverflows", lines.get(i), lines.get(i + 1));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static long valueOf(String name, String header, String values) {
        String[] names = header.trim().split(" +");
        String[] numbers = values.trim().split(" +");
        for (int k = 1; k < names.length && k < numbers.length; k++) {
            if (names[k].equals(name)) {
                return Long.parseLong(numbers[k]);
            }
        }
        return -1;
    }

    /** Established connections whose local port is {@code port} (the server's side of each), or -1. */
    static long establishedTo(int port) {
        String local = String.format(Locale.ROOT, ":%04X", port);
        long count = 0;
        for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(file))) {
                    String[] f = line.trim().split(" +");
                    if (f.length > 3 && f[1].endsWith(local) && f[3].equals(ESTABLISHED)) {
                        count++;
                    }
                }
            } catch (IOException e) {
                return -1;
            }
        }
        return count;
    }
}
