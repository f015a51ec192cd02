package io.daybreak.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;

/**
 * The digest recorded in every provenance record is a stable format: these tests compute it independently, value by
 * value, as its documentation defines it, so that a faster implementation cannot change a recorded digest.
 */
class TableDigestTest extends ArrowTestSupport {

    @Test
    void digestIsTheDocumentedByteStreamOfNamesTypesAndValues() throws Exception {
        Random random = new Random(7);
        int n = 20_000; // more bytes than the implementation's buffer holds
        List<Object> doubles = new ArrayList<>();
        List<Object> longs = new ArrayList<>();
        List<Object> ints = new ArrayList<>();
        List<Object> strings = new ArrayList<>();
        List<Object> booleans = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean missing = random.nextInt(10) == 0;
            doubles.add(missing ? null : random.nextGaussian());
            longs.add(missing ? null : random.nextLong());
            ints.add(missing ? null : random.nextInt());
            strings.add(missing ? null : i == 5 ? "x".repeat(70_000) : "s" + random.nextInt(1000) + "é");
            booleans.add(missing ? null : random.nextBoolean());
        }
        try (Table table = Table.builder(allocator).add("d", ColumnType.FLOAT64, doubles).add("l", ColumnType.INT64, longs)
                .add("i", ColumnType.INT32, ints).add("s", ColumnType.STRING, strings)
                .add("b", ColumnType.BOOLEAN, booleans).build()) {
            assertEquals(reference(table), TableDigest.sha256(table));
        }
    }

    @Test
    void equalContentEqualDigestAndAnyChangedValueAnother() {
        try (Table a = Table.builder(allocator).addFloat64("x", 1, 2, 3).addString("g", "a", "b", "c").build();
                Table b = Table.builder(allocator).addFloat64("x", 1, 2, 3).addString("g", "a", "b", "c").build();
                Table c = Table.builder(allocator).addFloat64("x", 1, 2, 3.0000001).addString("g", "a", "b", "c").build()) {
            assertEquals(TableDigest.sha256(a), TableDigest.sha256(b));
            assertNotEquals(TableDigest.sha256(a), TableDigest.sha256(c));
        }
    }

    /** The digest as TableDigest's documentation defines it, one update per item. */
    private static String reference(Table table) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (Field field : table.schema().getFields()) {
            text(digest, field.getName());
            text(digest, field.getType().toString());
        }
        digest.update(ByteBuffer.allocate(4).putInt(table.rowCount()).array());
        for (Field field : table.schema().getFields()) {
            FieldVector vector = table.vector(field.getName());
            for (int row = 0; row < table.rowCount(); row++) {
                Object value = vector.getObject(row);
                digest.update((byte) (value == null ? 0 : 1));
                if (value instanceof Double d) {
                    digest.update(ByteBuffer.allocate(8).putDouble(d).array());
                } else if (value instanceof Long || value instanceof Integer) {
                    digest.update(ByteBuffer.allocate(8).putLong(((Number) value).longValue()).array());
                } else if (value != null) {
                    text(digest, String.valueOf(value));
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void text(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(Arrays.copyOf(bytes, bytes.length));
    }
}
