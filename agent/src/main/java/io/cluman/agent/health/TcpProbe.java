package io.cluman.agent.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Passes when a TCP connection to {@code 127.0.0.1:port} opens within the timeout. */
record TcpProbe(int port) implements HealthProbe {
    @Override
    public ProbeResult run(Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) Math.max(1, timeout.toMillis()));
            return ProbeResult.pass();
        } catch (IOException e) {
            return ProbeResult.fail("tcp 127.0.0.1:" + port + ": " + e.getMessage());
        }
    }
}
