package io.cluman.agent.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for dockerd on a unix socket: answers {@code GET /_ping} with {@code OK} (HTTP/1.0 style:
 * reply, then close), or accepts and never answers when built {@code silent}. {@link #close()} stops it
 * and removes the socket, as a stopped engine would.
 */
public final class FakeDockerEngine implements AutoCloseable {
    private final Path socket;
    private final boolean silent;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final AtomicInteger pings = new AtomicInteger();

    private FakeDockerEngine(Path socket, boolean silent) {
        this.socket = socket;
        this.silent = silent;
        try {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = Thread.ofVirtual().name("fake-dockerd").start(this::acceptLoop);
    }

    public static FakeDockerEngine answering(Path socket) {
        return new FakeDockerEngine(socket, false);
    }

    public static FakeDockerEngine silent(Path socket) {
        return new FakeDockerEngine(socket, true);
    }

    public Path socket() {
        return socket;
    }

    public int pings() {
        return pings.get();
    }

    @Override
    public void close() {
        try {
            server.close();
            acceptor.join();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            String request = readHead(client);
            if (silent) {
                // hold the connection open, answering nothing, until the test ends
                client.read(ByteBuffer.allocate(1));
                return;
            }
            String body = request.startsWith("GET /_ping ") ? "OK" : "page not found";
            String status = body.equals("OK") ? "200 OK" : "404 Not Found";
            String reply = "HTTP/1.0 " + status + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body;
            pings.incrementAndGet(); // counted before the reply, so a prober that got it sees the count
            client.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException ignored) {
            // the prober gave up; nothing to answer
        }
    }

    private static String readHead(SocketChannel client) throws IOException {
        StringBuilder head = new StringBuilder();
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        while (head.indexOf("\r\n\r\n") < 0 && client.read(buffer) > 0) {
            buffer.flip();
            head.append(StandardCharsets.US_ASCII.decode(buffer));
            buffer.clear();
        }
        return head.toString();
    }
}
