package io.daybreak.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.arrow.vector.FieldVector;
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
        for (Field field : table.schema().getFields()) {
            update(digest, field.getName());
            update(digest, field.getType().toString());
        }
        digest.update(ByteBuffer.allocate(4).putInt(table.rowCount()).array());
        for (Field field : table.schema().getFields()) {
            FieldVector vector = table.vector(field.getName());
            ColumnType type = ColumnType.of(field.getType());
            for (int row = 0; row < table.rowCount(); row++) {
                if (vector.isNull(row)) {
                    digest.update((byte) 0);
                    continue;
                }
                digest.update((byte) 1);
                updateValue(digest, vector, type, row);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void updateValue(MessageDigest digest, FieldVector vector, ColumnType type, int row) {
        if (type == ColumnType.FLOAT64) {
            digest.update(ByteBuffer.allocate(8).putDouble(((org.apache.arrow.vector.Float8Vector) vector).get(row)).array());
        } else if (type == ColumnType.INT64 || type == ColumnType.INT32) {
            digest.update(ByteBuffer.allocate(8).putLong(((Number) vector.getObject(row)).longValue()).array());
        } else {
            update(digest, String.valueOf(vector.getObject(row)));
        }
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
