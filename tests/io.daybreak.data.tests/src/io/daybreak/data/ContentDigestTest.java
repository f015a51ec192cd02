package io.daybreak.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.data.files.TableFiles;

/** Content digests: the same values give the same digest whatever the format, column order and row order. */
class ContentDigestTest extends ArrowTestSupport {
    private static final byte[] KEY = new byte[ContentDigest.KEY_BYTES];
    private static final byte[] OTHER_KEY = new byte[ContentDigest.KEY_BYTES];

    static {
        Arrays.fill(KEY, (byte) 7);
        Arrays.fill(OTHER_KEY, (byte) 8);
    }

    @TempDir
    Path dir;

    @Test
    void theSameDataAsCsvParquetArrowAndDatasetJsonIsOneVersion() throws IOException {
        try (Table csv = TableFiles.read(testData("survival_lung.csv"), allocator)) {
            String keyed = ContentDigest.hmacSha256(csv, KEY);
            String plain = ContentDigest.sha256(csv);
            for (String format : List.of("parquet", "arrow", "json")) {
                Path file = dir.resolve("lung." + format);
                TableFiles.write(csv, file);
                try (Table read = TableFiles.read(file, allocator)) {
                    assertEquals(keyed, ContentDigest.hmacSha256(read, KEY), format);
                    assertEquals(plain, ContentDigest.sha256(read), format);
                }
            }
            try (Table shuffled = shuffled(csv, 42)) {
                assertEquals(keyed, ContentDigest.hmacSha256(shuffled, KEY), "rows and columns in another order");
                assertNotEquals(TableDigest.sha256(csv), TableDigest.sha256(shuffled), "TableDigest keeps the order");
            }
            assertNotEquals(keyed, ContentDigest.hmacSha256(csv, OTHER_KEY), "another key, another digest");
            assertNotEquals(keyed, plain);
            assertTrue(keyed.matches("[0-9a-f]{64}"), keyed);
        }
    }

    @Test
    void anyChangedValueNullOrRowIsAnotherVersion() {
        try (Table base = Table.builder(allocator).add("AGE", ColumnType.INT64, Arrays.asList(61L, 47L, null))
                .add("ARM", ColumnType.STRING, Arrays.asList("A", "B", "A")).build();
                Table value = Table.builder(allocator).add("AGE", ColumnType.INT64, Arrays.asList(61L, 48L, null))
                        .add("ARM", ColumnType.STRING, Arrays.asList("A", "B", "A")).build();
                Table nulled = Table.builder(allocator).add("AGE", ColumnType.INT64, Arrays.asList(61L, 47L, 0L))
                        .add("ARM", ColumnType.STRING, Arrays.asList("A", "B", "A")).build();
                Table duplicated = Table.builder(allocator).add("AGE", ColumnType.INT64, Arrays.asList(61L, 47L, null, 61L))
                        .add("ARM", ColumnType.STRING, Arrays.asList("A", "B", "A", "A")).build();
                Table renamed = Table.builder(allocator).add("AGEY", ColumnType.INT64, Arrays.asList(61L, 47L, null))
                        .add("ARM", ColumnType.STRING, Arrays.asList("A", "B", "A")).build();
                Table asInt32 = Table.builder(allocator).add("AGE", ColumnType.INT32, Arrays.asList(61, 47, null))
                        .add("ARM", ColumnType.STRING, Arrays.asList("A", "B", "A")).build();
                Table asDouble = Table.builder(allocator).add("AGE", ColumnType.FLOAT64, Arrays.asList(61.0, 47.0, null))
                        .add("ARM", ColumnType.STRING, Arrays.asList("A", "B", "A")).build()) {
            String digest = ContentDigest.hmacSha256(base, KEY);
            for (Table other : List.of(value, nulled, duplicated, renamed, asDouble)) {
                assertNotEquals(digest, ContentDigest.hmacSha256(other, KEY), other.toString());
            }
            assertEquals(digest, ContentDigest.hmacSha256(asInt32, KEY), "int32 and int64 of the same numbers");
        }
    }

    @Test
    void aKeyIsThirtyTwoBytesAtLeast() {
        try (Table table = Table.builder(allocator).addInt64("N", 1).build()) {
            assertThrows(IllegalArgumentException.class, () -> ContentDigest.hmacSha256(table, new byte[16]));
        }
    }

    /** {@code table}'s rows in a random order and its columns reversed (a new table the caller closes). */
    private Table shuffled(Table table, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            order.add(row);
        }
        Collections.shuffle(order, new Random(seed));
        List<String> names = new ArrayList<>(table.columnNames());
        Collections.reverse(names);
        TableBuilder builder = Table.builder(allocator);
        for (String name : names) {
            List<Object> values = new ArrayList<>();
            for (int row : order) {
                values.add(table.vector(name).getObject(row) == null ? null : value(table, name, row));
            }
            builder.add(name, table.columnType(name), values);
        }
        return builder.build();
    }

    private static Object value(Table table, String name, int row) {
        Object value = table.vector(name).getObject(row);
        return table.columnType(name) == ColumnType.STRING ? value.toString() : value;
    }
}
