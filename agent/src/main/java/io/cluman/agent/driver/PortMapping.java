package io.cluman.agent.driver;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One published port of a spec: {@code host:container[/tcp|udp]}, or a bare {@code port} (the same
 * number on both sides).
 */
public record PortMapping(int hostPort, int containerPort, String protocol) {
    public PortMapping {
        checkRange(hostPort);
        checkRange(containerPort);
        if (!"tcp".equals(protocol) && !"udp".equals(protocol)) {
            throw invalid(protocol, "protocol must be tcp or udp");
        }
    }

    /**
     * Parses a spec's ports.
     *
     * @throws DriverException INVALID_SPEC naming the first bad entry
     */
    public static List<PortMapping> parseAll(List<String> ports) {
        List<PortMapping> parsed = new ArrayList<>();
        for (String port : ports) {
            parsed.add(parse(port));
        }
        return List.copyOf(parsed);
    }

    public static PortMapping parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        String protocol = "tcp";
        int slash = value.indexOf('/');
        if (slash >= 0) {
            protocol = value.substring(slash + 1);
            value = value.substring(0, slash);
        }
        String[] parts = value.split(":", -1);
        try {
            return switch (parts.length) {
                case 1 -> new PortMapping(Integer.parseInt(parts[0]), Integer.parseInt(parts[0]), protocol);
                case 2 -> new PortMapping(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), protocol);
                default -> throw invalid(text, "use host:container[/tcp|udp] or a bare port");
            };
        } catch (NumberFormatException e) {
            throw invalid(text, "ports are numbers: use host:container[/tcp|udp] or a bare port");
        }
    }

    /**
     * Whether nothing listens on the host port now (bound on all addresses). Only a hint: another
     * process may take it between this check and the task's bind.
     */
    public boolean hostPortFree() {
        try {
            if ("udp".equals(protocol)) {
                try (DatagramSocket socket = new DatagramSocket(null)) {
                    socket.bind(new InetSocketAddress(hostPort));
                }
            } else {
                try (ServerSocket socket = new ServerSocket()) {
                    socket.setReuseAddress(true);
                    socket.bind(new InetSocketAddress(hostPort));
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Throws PORT_IN_USE for the first port whose host side is taken.
     *
     * @param owner the task, for the message
     */
    public static void requireFree(List<PortMapping> ports, String owner) {
        for (PortMapping port : ports) {
            if (!port.hostPortFree()) {
                throw new DriverException(DriverException.Reason.PORT_IN_USE, "host port " + port.hostPort() + "/"
                        + port.protocol() + " of " + owner + " is in use by another process: free it or choose "
                        + "another port");
            }
        }
    }

    @Override
    public String toString() {
        return hostPort + ":" + containerPort + "/" + protocol;
    }

    private static void checkRange(int port) {
        if (port < 1 || port > 65535) {
            throw invalid(String.valueOf(port), "ports are 1-65535");
        }
    }

    private static DriverException invalid(String text, String why) {
        return new DriverException(DriverException.Reason.INVALID_SPEC, "port '" + text + "': " + why);
    }
}
