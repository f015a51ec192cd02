package io.daybreak.federation.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's durable record of row sets: a row set within 1 … m − 1 rows of a recorded one is not admitted,
 * the same row set is admitted again (and stored once), records survive reopening, a torn last append is cut
 * off and a damaged record stops the node.
 */
class RowSetLedgerTest {
    private static final String LUNG = "lung@0123456789abcdef";

    @TempDir
    Path dir;

    private static BitSet range(int from, int to) {
        BitSet rows = new BitSet();
        rows.set(from, to);
        return rows;
    }

    private static BitSet without(BitSet rows, int... removed) {
        BitSet copy = (BitSet) rows.clone();
        for (int row : removed) {
            copy.clear(row);
        }
        return copy;
    }

    @Test
    void closeRowSetsAreNotAdmittedAndTheSameRowSetIsStoredOnce() throws IOException {
        Path file = dir.resolve("rowsets.ledger");
        BitSet all = range(0, 100);
        try (RowSetLedger ledger = RowSetLedger.open(file)) {
            assertTrue(ledger.admit(LUNG, all, 3));
            long size = Files.size(file);
            assertTrue(ledger.admit(LUNG, all, 3), "the same rows again");
            assertEquals(size, Files.size(file), "a known row set is not written twice");
            assertFalse(ledger.admit(LUNG, without(all, 7), 3), "one row less");
            assertFalse(ledger.admit(LUNG, without(all, 7, 8), 3), "two rows less");
            BitSet swapped = without(all, 7);
            swapped.set(100); // one out, one in: a symmetric difference of 2
            assertFalse(ledger.admit(LUNG, swapped, 3), "one row swapped for another");
            assertTrue(ledger.admit(LUNG, without(all, 7, 8, 9), 3), "three rows less is far enough");
            assertTrue(ledger.admit("other@ffff", without(all, 7), 3), "another dataset has its own row sets");
            assertEquals(List.of(all, without(all, 7, 8, 9)), ledger.rowSets(LUNG));
        }
    }

    @Test
    void recordsSurviveReopeningAndStayCompact() throws IOException {
        Path file = dir.resolve("rowsets.ledger");
        BitSet million = range(0, 1_000_000);
        BitSet holes = without(million, 10, 500_000, 999_999);
        try (RowSetLedger ledger = RowSetLedger.open(file)) {
            assertTrue(ledger.admit(LUNG, million, 3));
            assertTrue(ledger.admit(LUNG, holes, 3));
        }
        // two row sets of a million rows: a few kilobytes, not 2 x 125 KB of raw bits
        assertTrue(Files.size(file) < 4_000, "ledger size " + Files.size(file));
        try (RowSetLedger reopened = RowSetLedger.open(file)) {
            assertEquals(List.of(million, holes), reopened.rowSets(LUNG));
            assertFalse(reopened.admit(LUNG, without(million, 10), 3), "still refused after a restart");
            assertTrue(reopened.admit(LUNG, holes, 3));
        }
    }

    @Test
    void aTornLastAppendIsCutOffAndADamagedRecordStopsTheNode() throws IOException {
        Path file = dir.resolve("rowsets.ledger");
        BitSet all = range(0, 50);
        try (RowSetLedger ledger = RowSetLedger.open(file)) {
            ledger.admit(LUNG, all, 3);
        }
        long intact = Files.size(file);
        Files.writeString(file, "bHVuZw AAAA", StandardCharsets.UTF_8, StandardOpenOption.APPEND); // crash mid-append
        try (RowSetLedger reopened = RowSetLedger.open(file)) {
            assertEquals(List.of(all), reopened.rowSets(LUNG));
        }
        assertEquals(intact, Files.size(file));
        List<String> lines = Files.readAllLines(file);
        String record = lines.get(1);
        char last = record.charAt(record.length() - 1);
        lines.set(1, record.substring(0, record.length() - 1) + (last == '0' ? '1' : '0'));
        Files.write(file, lines);
        IOException damaged = assertThrows(IOException.class, () -> RowSetLedger.open(file));
        assertTrue(damaged.getMessage().contains(file + ":2:"), damaged.getMessage());
    }

    @Test
    void inMemoryLedgersApplyTheSameRule() throws IOException {
        try (RowSetLedger ledger = RowSetLedger.inMemory()) {
            assertTrue(ledger.admit(LUNG, range(0, 10), 3));
            assertFalse(ledger.admit(LUNG, range(0, 9), 3));
            assertTrue(ledger.admit(LUNG, range(0, 7), 3));
        }
    }
}
