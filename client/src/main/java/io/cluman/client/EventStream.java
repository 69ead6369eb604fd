package io.cluman.client;

import io.cluman.model.event.Event;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A server-sent event stream of {@link Event}s. {@link #next()} blocks until the next event arrives;
 * empty when the server closed the stream. Not thread-safe: one reader.
 */
public final class EventStream implements AutoCloseable {
    private final InputStream in;
    private final BufferedReader reader;

    EventStream(InputStream in) {
        this.in = in;
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    public Optional<Event> next() {
        StringBuilder data = new StringBuilder();
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        return Optional.of(ClientJson.MAPPER.readValue(data.toString(), Event.class));
                    }
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("event stream broke: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // the stream is being abandoned; nothing to recover
        }
    }
}
