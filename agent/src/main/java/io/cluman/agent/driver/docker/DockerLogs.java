package io.cluman.agent.driver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.cluman.agent.driver.TaskHandle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A container's stdout and stderr as lines, through the engine's logs endpoint. docker-java reads the
 * stream on a thread of its own; lines go through a bounded queue to the calling thread, which passes
 * them on (so a slow consumer slows the reading, and the consumer never runs on docker-java's thread).
 * A frame may end in the middle of a line: each stream keeps its unfinished line until the rest arrives
 * or the stream ends.
 */
final class DockerLogs {
    private static final long POLL_MS = 200;
    private static final int QUEUE = 1024;

    private DockerLogs() {
    }

    static void stream(DockerClient docker, TaskHandle handle, int tail, boolean follow, Consumer<String> line,
                       BooleanSupplier cancelled) {
        var command = docker.logContainerCmd(handle.runtimeId()).withStdOut(true).withStdErr(true)
                .withFollowStream(follow);
        command = tail < 0 ? command.withTailAll() : command.withTail(tail);
        // not the callback's awaitCompletion(timeout): it closes the stream when it times out
        try (Lines lines = command.exec(new Lines())) {
            while (!cancelled.getAsBoolean()) {
                String next = lines.queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (next != null) {
                    line.accept(next);
                } else if (lines.ended && lines.queue.isEmpty()) {
                    break;
                }
            }
            if (lines.error != null && !cancelled.getAsBoolean()) {
                throw lines.error instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(lines.error.getMessage(), lines.error);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // closing the stream failed: the lines asked for were passed already
        } catch (RuntimeException e) {
            throw DockerErrors.map(e, "reading the logs of container " + DockerDriver.describe(handle));
        }
    }

    /** Splits frames into lines and queues them; runs on docker-java's stream thread. */
    private static final class Lines extends ResultCallback.Adapter<Frame> {
        private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
        private final Map<StreamType, ByteArrayOutputStream> partial = new EnumMap<>(StreamType.class);
        private volatile boolean ended;
        private volatile boolean closed;
        private volatile Throwable error;

        @Override
        public void onNext(Frame frame) {
            ByteArrayOutputStream buffer = partial.computeIfAbsent(frame.getStreamType(),
                    t -> new ByteArrayOutputStream());
            for (byte b : frame.getPayload()) {
                if (b == '\n') {
                    put(text(buffer));
                    buffer.reset();
                } else {
                    buffer.write(b);
                }
            }
        }

        @Override
        public void onComplete() {
            partial.values().stream().filter(b -> b.size() > 0).forEach(b -> put(text(b)));
            ended = true;
            super.onComplete();
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
            ended = true;
            super.onError(throwable);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }

        /** Waits for room while the reader is there; drops the line once it left. */
        private void put(String line) {
            try {
                while (!closed && !queue.offer(line, POLL_MS, TimeUnit.MILLISECONDS)) {
                    // the reader is slow: wait
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static String text(ByteArrayOutputStream buffer) {
            String text = buffer.toString(StandardCharsets.UTF_8);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
    }
}
