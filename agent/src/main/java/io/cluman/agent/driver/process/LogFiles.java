package io.cluman.agent.driver.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A task's log files: {@code stdout.log}, {@code stderr.log} and their rotated copies {@code .1} (newest)
 * to {@code .N}.
 *
 * <p>Rotation is copy-and-truncate: the task keeps writing to the same open file (opened for appending,
 * so after the truncation its writes land at the new end). Lines written between the copy and the
 * truncation are lost; that is the price of never touching the task's file descriptors.
 */
final class LogFiles {
    private static final int CHUNK = 8192;

    private LogFiles() {
    }

    /** Rotates {@code log} when it is larger than {@code maxBytes}, keeping {@code keep} old copies. */
    static void rotateIfLarger(Path log, long maxBytes, int keep) throws IOException {
        if (!Files.exists(log) || Files.size(log) <= maxBytes) {
            return;
        }
        Files.deleteIfExists(rotated(log, keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(rotated(log, i))) {
                Files.move(rotated(log, i), rotated(log, i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (keep >= 1) {
            Files.copy(log, rotated(log, 1), StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
    }

    static Path rotated(Path log, int index) {
        return log.resolveSibling(log.getFileName() + "." + index);
    }

    /**
     * Passes the last {@code tail} lines of {@code log} and its rotated copies, oldest first (all lines
     * when {@code tail} is negative). Reads the files whole: at most {@code keep + 1} times the rotation size.
     *
     * @param flush also pass the unfinished last line of {@code log} (false when following: the rest of
     *              that line is still to come)
     * @return the offset in {@code log} after the lines passed: where following goes on
     */
    static long tail(Path log, int keep, int tail, Consumer<String> line, boolean flush) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = keep; i >= 1; i--) {
            if (Files.exists(rotated(log, i))) {
                files.add(rotated(log, i));
            }
        }
        long size = Files.exists(log) ? Files.size(log) : 0;
        files.add(log);
        Deque<String> last = new ArrayDeque<>();
        long consumed = 0;
        for (Path file : files) {
            boolean current = file.equals(log);
            long end = current ? size : Files.exists(file) ? Files.size(file) : 0;
            long read = readLines(file, 0, end, l -> {
                if (tail < 0) {
                    line.accept(l);
                    return;
                }
                last.addLast(l);
                if (last.size() > tail) {
                    last.removeFirst();
                }
            }, !current || flush);
            consumed = current ? read : consumed;
        }
        last.forEach(line);
        return consumed;
    }

    /**
     * Passes the complete lines of {@code file} between {@code from} and {@code to}; with {@code flush}
     * also a last line without its line break.
     *
     * @return the offset after the last line passed (where the next read starts)
     */
    static long readLines(Path file, long from, long to, Consumer<String> line, boolean flush) throws IOException {
        if (to <= from) {
            return from;
        }
        long consumed = from;
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(from);
            byte[] buffer = new byte[CHUNK];
            long position = from;
            while (position < to) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, to - position));
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        line.accept(current.toString(StandardCharsets.UTF_8));
                        current.reset();
                        consumed = position + i + 1;
                    } else {
                        current.write(buffer[i]);
                    }
                }
                position += n;
            }
        } catch (NoSuchFileException e) {
            return from;
        }
        if (flush && current.size() > 0) {
            line.accept(current.toString(StandardCharsets.UTF_8));
            return to;
        }
        return consumed;
    }
}
