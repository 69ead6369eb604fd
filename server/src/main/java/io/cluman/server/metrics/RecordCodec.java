package io.cluman.server.metrics;

import java.nio.ByteBuffer;

/**
 * The fixed-size records of a tier, little-endian. Raw (16 bytes): series index (int), epoch second (unsigned
 * int), value (double). Rollup (36 bytes): series index, bucket start (unsigned int), count (int), min, max,
 * sum (doubles). Unsigned 32-bit seconds reach the year 2106.
 */
final class RecordCodec {
    private RecordCodec() {
    }

    static void write(Tier tier, ByteBuffer buffer, int series, Rollup rollup) {
        buffer.putInt(series).putInt((int) rollup.start);
        if (tier == Tier.RAW) {
            buffer.putDouble(rollup.sum);
        } else {
            buffer.putInt((int) rollup.count).putDouble(rollup.min).putDouble(rollup.max).putDouble(rollup.sum);
        }
    }

    /** The series index of the record at {@code offset}. */
    static int series(ByteBuffer buffer, int offset) {
        return buffer.getInt(offset);
    }

    static Rollup read(Tier tier, ByteBuffer buffer, int offset) {
        long start = Integer.toUnsignedLong(buffer.getInt(offset + 4));
        if (tier == Tier.RAW) {
            return Rollup.of(start, buffer.getDouble(offset + 8));
        }
        return Rollup.of(start, Integer.toUnsignedLong(buffer.getInt(offset + 8)), buffer.getDouble(offset + 12),
                buffer.getDouble(offset + 20), buffer.getDouble(offset + 28));
    }
}
