package io.cluman.store.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * Framing of one log segment file: a sequence of {@code [length:int][crc32:int][payload]} frames, each
 * payload one {@link LogRecord} encoded by {@link RecordCodec}.
 *
 * <p>A crash can leave the last frame short or with a wrong checksum (a torn write). {@link #replay}
 * stops at the first frame that is not whole and reports how many bytes were good, so the owner can
 * cut the tail off before appending again (as etcd's WAL repair does, everything from the first bad
 * frame of the last segment on is dropped).
 */
final class LogSegment {
    /** Larger frames are refused when writing and taken as garbage when reading. */
    static final int MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;
    static final int HEADER_BYTES = 8;

    /** How a replay ended: the length of the whole frames, and why it stopped early, if it did. */
    record Replay(long validBytes, long records, String tornReason) {
        boolean torn() {
            return tornReason != null;
        }
    }

    private LogSegment() {
    }

    /** The frame of one payload, ready to write. */
    static ByteBuffer frame(byte[] payload) {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("record of " + payload.length + " bytes exceeds " + MAX_PAYLOAD_BYTES);
        }
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        frame.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
        return frame;
    }

    /**
     * Decodes every whole frame of {@code file} in order and hands its record to {@code sink}.
     *
     * @throws IOException when a frame with a valid checksum does not decode (not a torn write)
     */
    static Replay replay(Path file, Consumer<LogRecord> sink) throws IOException {
        long valid = 0;
        long records = 0;
        byte[] header = new byte[HEADER_BYTES];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            while (true) {
                int read = in.readNBytes(header, 0, HEADER_BYTES);
                if (read == 0) {
                    return new Replay(valid, records, null);
                }
                if (read < HEADER_BYTES) {
                    return new Replay(valid, records, "short frame header at offset " + valid);
                }
                ByteBuffer fields = ByteBuffer.wrap(header);
                int length = fields.getInt();
                int expectedCrc = fields.getInt();
                if (length <= 0 || length > MAX_PAYLOAD_BYTES) { // no record is empty: zeros are not a frame
                    return new Replay(valid, records, "bad frame length " + length + " at offset " + valid);
                }
                byte[] payload = in.readNBytes(length);
                if (payload.length < length) {
                    return new Replay(valid, records, "short frame payload at offset " + valid);
                }
                CRC32 crc = new CRC32();
                crc.update(payload);
                if ((int) crc.getValue() != expectedCrc) {
                    return new Replay(valid, records, "checksum mismatch at offset " + valid);
                }
                sink.accept(RecordCodec.decode(payload));
                valid += HEADER_BYTES + length;
                records++;
            }
        }
    }
}
