package io.daybreak.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

class TableTest extends ArrowTestSupport {

    private Table sample() {
        return Table.builder(allocator)
                .addString("USUBJID", "S-001", "S-002", null)
                .addInt64("AGE", 61, 47, 70)
                .add("AVAL", ColumnType.FLOAT64, Arrays.asList(1.5, null, -2.25))
                .addBoolean("CNSR", true, false, true)
                .build();
    }

    @Test
    void typedColumnsReadBackWhatWasBuilt() {
        try (Table table = sample()) {
            assertEquals(3, table.rowCount());
            assertEquals(List.of("USUBJID", "AGE", "AVAL", "CNSR"), table.columnNames());
            assertEquals(ColumnType.INT64, table.columnType("AGE"));
            assertEquals("S-002", table.strings("USUBJID").get(1));
            assertNull(table.strings("USUBJID").get(2));
            assertEquals(47, table.longs("AGE").get(1));
            assertEquals(70.0, table.doubles("AGE").get(2));
            assertTrue(table.doubles("AVAL").isNull(1));
            assertTrue(Double.isNaN(table.doubles("AVAL").get(1)));
            assertEquals(-2.25, table.doubles("AVAL").get(2));
            assertFalse(table.booleans("CNSR").get(1));
        }
    }

    @Test
    void wrongTypeOrMissingColumnNamesTheColumn() {
        try (Table table = sample()) {
            InvalidInputException wrongType = assertThrows(InvalidInputException.class, () -> table.doubles("USUBJID"));
            assertTrue(wrongType.getMessage().contains("'USUBJID' is string, not numeric"), wrongType.getMessage());
            InvalidInputException missing = assertThrows(InvalidInputException.class, () -> table.longs("TRT01P"));
            assertTrue(missing.getMessage().contains("no column 'TRT01P'"), missing.getMessage());
            assertTrue(missing.getMessage().contains("USUBJID, AGE, AVAL, CNSR"), missing.getMessage());
        }
    }

    @Test
    void builderRejectsRaggedAndDuplicateColumnsWithoutAllocating() {
        TableBuilder ragged = Table.builder(allocator).addInt64("a", 1, 2);
        assertThrows(InvalidInputException.class, () -> ragged.addInt64("b", 1));
        TableBuilder duplicate = Table.builder(allocator).addInt64("a", 1);
        assertThrows(InvalidInputException.class, () -> duplicate.addFloat64("a", 1.0));
        assertEquals(0, allocator.getAllocatedMemory());
    }

    @Test
    void transferMovesBuffersWithoutCopyingAndClosesTheSource() {
        try (BufferAllocator target = allocator.newChildAllocator("target", 0, Long.MAX_VALUE)) {
            Table source = sample();
            long bytes = source.bufferBytes();
            String digest = TableDigest.sha256(source);
            try (Table moved = source.transferTo(target)) {
                assertTrue(source.isClosed());
                assertThrows(IllegalStateException.class, source::rowCount);
                assertEquals(digest, TableDigest.sha256(moved));
                assertTrue(target.getAllocatedMemory() >= bytes, "buffers are accounted to the target allocator");
            }
            assertEquals(0, target.getAllocatedMemory());
        }
    }

    @Test
    void digestDependsOnContentOnly() {
        try (Table a = sample(); Table b = sample();
                Table c = Table.builder(allocator).addString("USUBJID", "S-001", "S-002", null)
                        .addInt64("AGE", 61, 47, 71)
                        .add("AVAL", ColumnType.FLOAT64, Arrays.asList(1.5, null, -2.25))
                        .addBoolean("CNSR", true, false, true).build()) {
            assertEquals(TableDigest.sha256(a), TableDigest.sha256(b));
            assertNotEquals(TableDigest.sha256(a), TableDigest.sha256(c));
            assertEquals(64, TableDigest.sha256(a).length());
        }
    }
}
