package io.cluman.store.embedded;

import io.cluman.store.Op;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of {@link LogRecord}s (the payload of a log frame) and of the strings and byte
 * arrays that snapshots share with it. Big-endian, lengths as 32-bit ints.
 *
 * <pre>
 * write:  1 revision:long opCount:int { 1 key value lease:long | 2 key }*
 * grant:  2 leaseId:long ttlMillis:long
 * revoke: 3 leaseId:long revision:long
 * </pre>
 */
final class RecordCodec {
    private static final int WRITE = 1;
    private static final int GRANT = 2;
    private static final int REVOKE = 3;
    private static final int PUT_OP = 1;
    private static final int DELETE_OP = 2;

    private RecordCodec() {
    }

    static byte[] encode(LogRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            switch (record) {
                case LogRecord.Write write -> encodeWrite(write, out);
                case LogRecord.GrantLease grant -> {
                    out.writeByte(GRANT);
                    out.writeLong(grant.leaseId());
                    out.writeLong(grant.ttlMillis());
                }
                case LogRecord.RevokeLease revoke -> {
                    out.writeByte(REVOKE);
                    out.writeLong(revoke.leaseId());
                    out.writeLong(revoke.revision());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    private static void encodeWrite(LogRecord.Write write, DataOutput out) throws IOException {
        out.writeByte(WRITE);
        out.writeLong(write.revision());
        out.writeInt(write.ops().size());
        for (Op op : write.ops()) {
            switch (op) {
                case Op.Put put -> {
                    out.writeByte(PUT_OP);
                    writeString(out, put.key());
                    writeBytes(out, put.value());
                    out.writeLong(put.lease());
                }
                case Op.Delete delete -> {
                    out.writeByte(DELETE_OP);
                    writeString(out, delete.key());
                }
            }
        }
    }

    /** @throws IOException when the payload is not a record (its CRC matched, so this is a bug or a foreign file) */
    static LogRecord decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        int type = in.readUnsignedByte();
        return switch (type) {
            case WRITE -> decodeWrite(in);
            case GRANT -> new LogRecord.GrantLease(in.readLong(), in.readLong());
            case REVOKE -> new LogRecord.RevokeLease(in.readLong(), in.readLong());
            default -> throw new IOException("unknown log record type " + type);
        };
    }

    private static LogRecord decodeWrite(DataInput in) throws IOException {
        long revision = in.readLong();
        int count = in.readInt();
        List<Op> ops = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = in.readUnsignedByte();
            ops.add(switch (kind) {
                case PUT_OP -> Op.put(readString(in), readBytes(in), in.readLong());
                case DELETE_OP -> Op.delete(readString(in));
                default -> throw new IOException("unknown op kind " + kind);
            });
        }
        return new LogRecord.Write(revision, ops);
    }

    static void writeString(DataOutput out, String value) throws IOException {
        writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    static String readString(DataInput in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    static void writeBytes(DataOutput out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    static byte[] readBytes(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("negative length " + length);
        }
        byte[] value = new byte[length];
        in.readFully(value);
        return value;
    }
}
