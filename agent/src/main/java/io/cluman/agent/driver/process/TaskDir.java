package io.cluman.agent.driver.process;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The files of one process task, {@code <data>/tasks/<allocId>/}:
 *
 * <pre>
 *   task.json     TaskRecord, written by the agent (atomically: temp file + rename)
 *   wrapper       the wrapper shell's /proc stat line, written by the wrapper itself
 *   task          the task's /proc stat line, written by the task's shell just before it execs the command
 *   exit          the exit code, written by the wrapper when the task ended (temp file + rename)
 *   stdout.log    the task's output (appended; rotated to stdout.log.1 .. .N by copy and truncate)
 *   stderr.log    its error output, likewise
 *   wrapper.log   the wrapper's own errors
 * </pre>
 *
 * Because the processes record their own pids and exit code, an agent that did not start them (a new
 * one, after a restart) learns all it needs from these files.
 */
final class TaskDir {
    static final String RECORD = "task.json";
    static final String WRAPPER = "wrapper";
    static final String TASK = "task";
    static final String EXIT = "exit";
    static final String STDOUT = "stdout.log";
    static final String STDERR = "stderr.log";
    static final String WRAPPER_LOG = "wrapper.log";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;

    TaskDir(Path dir) {
        this.dir = dir;
    }

    Path path() {
        return dir;
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    boolean exists() {
        return Files.isRegularFile(file(RECORD));
    }

    /**
     * The record; empty when there is none (never written, or the dir is gone). When the agent died
     * before it copied the pids into it, they come from the stat lines the processes wrote.
     */
    Optional<TaskRecord> read() {
        TaskRecord record;
        try {
            record = JSON.readValue(file(RECORD).toFile(), TaskRecord.class);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (record.pid() > 0) {
            return Optional.of(record);
        }
        Optional<ProcStat> task = stat(TASK);
        Optional<ProcStat> wrapper = stat(WRAPPER);
        return Optional.of(record.withPids(record.createdAt(), task.map(ProcStat::pid).orElse(0L),
                task.map(ProcStat::startTime).orElse(0L), wrapper.map(ProcStat::pid).orElse(0L),
                wrapper.map(ProcStat::startTime).orElse(0L)));
    }

    void write(TaskRecord record) {
        try {
            Path temp = file(RECORD + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), record);
            move(temp, file(RECORD));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(RECORD) + ": " + e.getMessage(), e);
        }
    }

    /** The stat line a process of the task wrote about itself ({@link #WRAPPER} or {@link #TASK}). */
    Optional<ProcStat> stat(String name) {
        try {
            return ProcStat.parse(Files.readString(file(name)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The exit code the wrapper recorded; empty while the task runs (or when the wrapper died first). */
    OptionalInt exitCode() {
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(file(EXIT)).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** When the exit code was written: when the task ended. */
    Optional<Instant> exitTime() {
        try {
            return Optional.of(Files.getLastModifiedTime(file(EXIT)).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Deletes the dir and everything in it; nothing when it is gone. */
    void delete() {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // removed meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
