package io.daybreak.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * SHA-256 of a table's logical content: column names, Arrow types and every value (nulls marked), in
 * order. Two tables with equal content have equal digests whatever their batching, allocator or the
 * unused bytes behind null slots, which an IPC byte digest would not guarantee.
 */
public final class TableDigest {
    private TableDigest() {
    }

    public static String sha256(Table table) {
        MessageDigest digest = newDigest();
        // the bytes go through one buffer: a digest update per value made this the slowest part of a large run
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        for (Field field : table.schema().getFields()) {
            update(digest, buffer, field.getName());
            update(digest, buffer, field.getType().toString());
        }
        room(digest, buffer, 4).putInt(table.rowCount());
        for (Field field : table.schema().getFields()) {
            FieldVector vector = table.vector(field.getName());
            ColumnType type = ColumnType.of(field.getType());
            for (int row = 0; row < table.rowCount(); row++) {
                if (vector.isNull(row)) {
                    room(digest, buffer, 1).put((byte) 0);
                    continue;
                }
                room(digest, buffer, 1).put((byte) 1);
                updateValue(digest, buffer, vector, type, row);
            }
        }
        flush(digest, buffer);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static final int BUFFER = 1 << 16;

    private static void updateValue(MessageDigest digest, ByteBuffer buffer, FieldVector vector, ColumnType type, int row) {
        if (type == ColumnType.FLOAT64) {
            room(digest, buffer, 8).putDouble(((Float8Vector) vector).get(row));
        } else if (type == ColumnType.INT64) {
            room(digest, buffer, 8).putLong(((BigIntVector) vector).get(row));
        } else if (type == ColumnType.INT32) {
            room(digest, buffer, 8).putLong(((IntVector) vector).get(row));
        } else {
            update(digest, buffer, String.valueOf(vector.getObject(row)));
        }
    }

    private static void update(MessageDigest digest, ByteBuffer buffer, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        room(digest, buffer, 4).putInt(bytes.length);
        if (bytes.length > buffer.capacity()) {
            flush(digest, buffer);
            digest.update(bytes);
        } else {
            room(digest, buffer, bytes.length).put(bytes);
        }
    }

    /** The buffer, flushed into the digest first if fewer than {@code bytes} bytes are free. */
    private static ByteBuffer room(MessageDigest digest, ByteBuffer buffer, int bytes) {
        if (buffer.remaining() < bytes) {
            flush(digest, buffer);
        }
        return buffer;
    }

    private static void flush(MessageDigest digest, ByteBuffer buffer) {
        digest.update(buffer.array(), 0, buffer.position());
        buffer.clear();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
