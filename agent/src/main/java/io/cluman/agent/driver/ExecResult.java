package io.cluman.agent.driver;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * How a command run in a task ended.
 *
 * @param exitCode null when it did not end within its timeout (or its code is unknown)
 * @param output   its first {@link #OUTPUT_LIMIT} bytes of stdout and stderr, merged
 * @param timedOut whether it was still running at the timeout
 */
public record ExecResult(Integer exitCode, String output, boolean timedOut) {
    /** How much output is kept. */
    public static final int OUTPUT_LIMIT = 4096;

    public ExecResult {
        output = output == null ? "" : output;
    }

    /** Whether it ended with exit code 0. */
    public boolean succeeded() {
        return exitCode != null && exitCode == 0;
    }

    /** Output collected up to {@link #OUTPUT_LIMIT}; the rest is counted, not kept. Not thread-safe. */
    public static final class Output {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        public void write(byte[] bytes, int offset, int length) {
            int room = OUTPUT_LIMIT - kept.size();
            if (room > 0) {
                kept.write(bytes, offset, Math.min(room, length));
            }
        }

        @Override
        public String toString() {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
