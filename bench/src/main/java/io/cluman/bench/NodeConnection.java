package io.cluman.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cluman.client.ApiException;
import io.cluman.model.api.Problem;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One simulated node's keep-alive HTTP/1.1 connection over mutual TLS to the agent port: a socket and
 * nothing else, so 10,000 simulated nodes hold 10,000 file descriptors, as 10,000 real agents would (a JDK
 * HTTP client per node also holds a selector). Blocking, for the node's own virtual thread; reconnects
 * after a failure.
 */
final class NodeConnection implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Duration CONNECT = Duration.ofSeconds(5);

    private final SSLContext tls;
    private final String host;
    private final int port;
    private final Duration timeout;
    private SSLSocket socket;
    private InputStream in;
    private OutputStream out;

    NodeConnection(SSLContext tls, String host, int port, Duration timeout) {
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    /** POSTs {@code body} as JSON and reads the answer as {@code type}; an HTTP error is an ApiException. */
    <T> T post(String path, Object body, Class<T> type) {
        try {
            byte[] json = JSON.writeValueAsBytes(body);
            open();
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                    + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            // one write, one TLS record: head and body apart would wait out Nagle and a delayed ACK (40 ms)
            byte[] request = java.util.Arrays.copyOf(head, head.length + json.length);
            System.arraycopy(json, 0, request, head.length, json.length);
            out.write(request);
            out.flush();
            return answer(type);
        } catch (SocketTimeoutException e) {
            close();
            throw new UncheckedIOException(new HttpTimeoutException("no answer within " + timeout.toMillis() + " ms"));
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    private void open() throws IOException {
        if (socket != null) {
            return;
        }
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), (int) CONNECT.toMillis());
        s.setSoTimeout((int) timeout.toMillis());
        s.startHandshake();
        socket = s;
        in = new BufferedInputStream(s.getInputStream());
        out = s.getOutputStream();
    }

    private <T> T answer(Class<T> type) throws IOException {
        String status = line();
        String[] parts = status.split(" ", 3);
        if (parts.length < 2) {
            throw new IOException("not an HTTP answer: " + status);
        }
        int code = Integer.parseInt(parts[1]);
        int length = 0;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).strip());
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        byte[] body = in.readNBytes(length);
        if (close) {
            close();
        }
        if (code >= 400) {
            throw new ApiException(code, JSON.readValue(body, Problem.class));
        }
        return JSON.readValue(body, type);
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                bytes.write(c);
            }
        }
        if (c == -1 && bytes.size() == 0) {
            throw new IOException("the server closed the connection");
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
