package io.cluman.agent.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Passes when a TCP connection to {@code host:port} opens within the timeout. */
public record TcpProbe(String host, int port) implements HealthProbe {
    /** A probe of a port of this node ({@code 127.0.0.1}), as container health checks use. */
    static TcpProbe local(int port) {
        return new TcpProbe("127.0.0.1", port);
    }

    @Override
    public ProbeResult run(Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            return ProbeResult.pass();
        } catch (IOException e) {
            return ProbeResult.fail("tcp " + host + ":" + port + ": " + e.getMessage());
        }
    }
}
