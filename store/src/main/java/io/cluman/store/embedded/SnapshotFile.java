package io.cluman.store.embedded;

import io.cluman.store.KeyValue;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * A whole {@link Keyspace} on disk, plus the generation of the first log segment to replay after it.
 *
 * <pre>
 * "CLUMANSN" format:int generation:long revision:long nextLeaseId:long
 * leaseCount:int { id:long ttlMillis:long }*
 * keyCount:int { key value createRevision:long modRevision:long version:long lease:long }*
 * crc32:int   (of everything before it)
 * </pre>
 *
 * <p>Written to {@code snapshot.tmp}, forced, then renamed over {@code snapshot.bin} and the directory
 * forced: a reader sees the old snapshot or the new one, never a partial one.
 */
final class SnapshotFile {
    private static final byte[] MAGIC = "CLUMANSN".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;

    /** A snapshot read back: the state and the first log generation that follows it. */
    record Loaded(long generation, Keyspace keyspace) {
    }

    private SnapshotFile() {
    }

    static void write(StoreDirectory directory, long generation, Keyspace keyspace) throws IOException {
        Path temp = directory.snapshotTemp();
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            CheckedOutputStream checked = new CheckedOutputStream(
                    new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), new CRC32());
            DataOutputStream out = new DataOutputStream(checked);
            writeBody(out, generation, keyspace);
            out.writeInt((int) checked.getChecksum().getValue());
            out.flush();
            channel.force(true);
        }
        Files.move(temp, directory.snapshot(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        directory.syncDirectory();
    }

    private static void writeBody(DataOutputStream out, long generation, Keyspace keyspace) throws IOException {
        out.write(MAGIC);
        out.writeInt(FORMAT);
        out.writeLong(generation);
        out.writeLong(keyspace.revision());
        out.writeLong(keyspace.nextLeaseId());
        Map<Long, Long> leases = keyspace.leaseTtls();
        out.writeInt(leases.size());
        for (Map.Entry<Long, Long> lease : leases.entrySet()) {
            out.writeLong(lease.getKey());
            out.writeLong(lease.getValue());
        }
        out.writeInt(keyspace.keyCount());
        for (KeyValue kv : keyspace.allKeys()) {
            RecordCodec.writeString(out, kv.key());
            RecordCodec.writeBytes(out, kv.value());
            out.writeLong(kv.createRevision());
            out.writeLong(kv.modRevision());
            out.writeLong(kv.version());
            out.writeLong(kv.lease());
        }
    }

    /** @throws IOException when the file is not a complete snapshot (it was renamed into place whole) */
    static Loaded read(Path file) throws IOException {
        try (CheckedInputStream checked = new CheckedInputStream(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16), new CRC32())) {
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = in.readNBytes(MAGIC.length);
            int format = in.readInt();
            if (!Arrays.equals(magic, MAGIC) || format != FORMAT) {
                throw new IOException(file + " is not a Cluman snapshot of format " + FORMAT);
            }
            long generation = in.readLong();
            long revision = in.readLong();
            long nextLeaseId = in.readLong();
            Map<Long, Long> leases = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                leases.put(in.readLong(), in.readLong());
            }
            int keyCount = in.readInt();
            List<KeyValue> kvs = new ArrayList<>(keyCount);
            for (int i = 0; i < keyCount; i++) {
                kvs.add(new KeyValue(RecordCodec.readString(in), RecordCodec.readBytes(in), in.readLong(),
                        in.readLong(), in.readLong(), in.readLong()));
            }
            int computed = (int) checked.getChecksum().getValue();
            if (in.readInt() != computed) {
                throw new IOException("checksum mismatch in snapshot " + file);
            }
            return new Loaded(generation, Keyspace.restore(revision, nextLeaseId, leases, kvs));
        }
    }
}
