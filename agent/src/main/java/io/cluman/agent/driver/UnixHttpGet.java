package io.cluman.agent.driver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * One {@code GET} over HTTP/1.0 on a unix socket, non-blocking with a deadline: the server closes
 * the connection after its reply (HTTP/1.0), or stops once {@code Content-Length} bytes arrived.
 *
 * <p>The deadline is measured with {@link System#nanoTime()}, not the agent's injected clock: it
 * bounds a wait in the kernel, and must expire even under a manual test clock.
 */
final class UnixHttpGet {
    private static final int MAX_REPLY = 64 * 1024;

    record Reply(int status, String body) {
    }

    private UnixHttpGet() {
    }

    static Reply get(Path socket, String path, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            SelectionKey key = channel.register(selector, 0);
            if (!channel.connect(UnixDomainSocketAddress.of(socket))) {
                await(selector, key, SelectionKey.OP_CONNECT, deadline);
                channel.finishConnect();
            }
            send(channel, selector, key, path, deadline);
            return parse(receive(channel, selector, key, deadline));
        }
    }

    private static void send(SocketChannel channel, Selector selector, SelectionKey key, String path,
                             long deadline) throws IOException {
        ByteBuffer request = ByteBuffer.wrap(("GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        while (request.hasRemaining()) {
            if (channel.write(request) == 0) {
                await(selector, key, SelectionKey.OP_WRITE, deadline);
            }
        }
    }

    private static byte[] receive(SocketChannel channel, Selector selector, SelectionKey key, long deadline)
            throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (reply.size() < MAX_REPLY && !complete(reply.toByteArray())) {
            int n = channel.read(buffer);
            if (n < 0) {
                break;
            }
            if (n == 0) {
                await(selector, key, SelectionKey.OP_READ, deadline);
                continue;
            }
            reply.write(buffer.array(), 0, n);
            buffer.clear();
        }
        return reply.toByteArray();
    }

    private static void await(Selector selector, SelectionKey key, int ops, long deadline) throws IOException {
        key.interestOps(ops);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("no answer within the timeout");
            }
            selector.select(Math.max(1, left / 1_000_000));
            boolean ready = selector.selectedKeys().remove(key) && (key.readyOps() & ops) != 0;
            if (ready) {
                return;
            }
        }
    }

    /** Whether the headers arrived and, when they give a length, the whole body too. */
    private static boolean complete(byte[] reply) {
        String text = new String(reply, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        long length = contentLength(text.substring(0, end));
        return length >= 0 && reply.length - (end + 4) >= length;
    }

    private static long contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("content-length")) {
                try {
                    return Long.parseLong(line.substring(colon + 1).strip());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static Reply parse(byte[] reply) throws IOException {
        String text = new String(reply, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String statusLine = text.lines().findFirst().orElse("");
        String[] parts = statusLine.split(" ", 3);
        if (end < 0 || parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP reply: '" + statusLine + "'");
        }
        try {
            return new Reply(Integer.parseInt(parts[1]), text.substring(end + 4));
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status: '" + statusLine + "'", e);
        }
    }
}
