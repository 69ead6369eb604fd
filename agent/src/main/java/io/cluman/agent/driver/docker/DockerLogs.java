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
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A container's stdout and stderr as lines, through the engine's logs endpoint. A frame may end in the
 * middle of a line: each stream keeps its unfinished line until the rest arrives (or the stream ends).
 */
final class DockerLogs {
    private static final long CANCEL_CHECK_MS = 200;

    private DockerLogs() {
    }

    static void stream(DockerClient docker, TaskHandle handle, int tail, boolean follow, Consumer<String> line,
                       BooleanSupplier cancelled) {
        var command = docker.logContainerCmd(handle.runtimeId()).withStdOut(true).withStdErr(true)
                .withFollowStream(follow);
        command = tail < 0 ? command.withTailAll() : command.withTail(tail);
        Lines lines = new Lines(line);
        try (Lines callback = command.exec(lines)) {
            while (!callback.awaitCompletion(CANCEL_CHECK_MS, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    return;
                }
            }
            callback.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // closing the stream failed: the lines asked for were passed already
        } catch (RuntimeException e) {
            throw DockerErrors.map(e, "reading the logs of container " + DockerDriver.describe(handle));
        }
    }

    /** Collects frames into lines; the consumer is called on docker-java's reading thread. */
    private static final class Lines extends ResultCallback.Adapter<Frame> {
        private final Consumer<String> line;
        private final Map<StreamType, ByteArrayOutputStream> partial = new EnumMap<>(StreamType.class);

        Lines(Consumer<String> line) {
            this.line = line;
        }

        @Override
        public void onNext(Frame frame) {
            ByteArrayOutputStream buffer = partial.computeIfAbsent(frame.getStreamType(),
                    t -> new ByteArrayOutputStream());
            for (byte b : frame.getPayload()) {
                if (b == '\n') {
                    line.accept(text(buffer));
                    buffer.reset();
                } else {
                    buffer.write(b);
                }
            }
        }

        /** Passes the unfinished lines left when the stream ended. */
        void flush() {
            for (ByteArrayOutputStream buffer : partial.values()) {
                if (buffer.size() > 0) {
                    line.accept(text(buffer));
                    buffer.reset();
                }
            }
        }

        private static String text(ByteArrayOutputStream buffer) {
            String text = buffer.toString(StandardCharsets.UTF_8);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
    }
}
