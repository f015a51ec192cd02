package io.daybreak.data.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.daybreak.data.ArrowTestSupport;
import io.daybreak.data.ColumnType;
import io.daybreak.data.DataFormatException;
import io.daybreak.data.InvalidInputException;
import io.daybreak.data.Table;
import io.daybreak.data.TableDigest;
import io.daybreak.data.files.TableFiles;

class ArrowIpcTest extends ArrowTestSupport {
    @TempDir
    Path dir;

    private Table sample() {
        return Table.builder(allocator)
                .addString("USUBJID", "S-001", null, "S-003")
                .addInt64("AGE", 61, 47, 70)
                .add("AVAL", ColumnType.FLOAT64, Arrays.asList(1.5, null, Double.NaN))
                .addBoolean("CNSR", true, false, true)
                .build();
    }

    @Test
    void fileAndStreamRoundTrip() throws IOException {
        try (Table original = sample()) {
            Path file = dir.resolve("t.arrow");
            ArrowIpc.writeFile(original, file);
            try (Table again = ArrowIpc.read(file, allocator)) {
                assertEquals(TableDigest.sha256(original), TableDigest.sha256(again));
                assertEquals(original.schema(), again.schema());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ArrowIpc.writeStream(original, bytes);
            try (Table again = ArrowIpc.readStream(new ByteArrayInputStream(bytes.toByteArray()), allocator)) {
                assertEquals(TableDigest.sha256(original), TableDigest.sha256(again));
            }
            Path streamFile = dir.resolve("t.arrows");
            TableFiles.write(original, streamFile);
            try (Table again = TableFiles.read(streamFile, allocator)) {
                assertEquals(TableDigest.sha256(original), TableDigest.sha256(again));
            }
        }
    }

    @Test
    void readsEveryRecordBatchOfAFile() throws IOException {
        Path file = dir.resolve("batches.arrow");
        Schema schema = new Schema(java.util.List.of(Field.nullable("n", ColumnType.INT64.arrowType())));
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
            writer.start();
            BigIntVector n = (BigIntVector) root.getVector("n");
            for (int batch = 0; batch < 3; batch++) {
                n.allocateNew(2);
                n.set(0, batch * 10L);
                n.set(1, batch * 10L + 1);
                n.setValueCount(2);
                root.setRowCount(2);
                writer.writeBatch();
            }
            writer.end();
        }
        try (Table table = ArrowIpc.read(file, allocator)) {
            assertEquals(6, table.rowCount());
            assertEquals(21, table.longs("n").get(5));
            assertEquals(10, table.longs("n").get(2));
        }
    }

    @Test
    void corruptFilesAreBadInputAndLeaveNothingAllocated() throws IOException {
        Path notArrow = dir.resolve("bad.arrow");
        Files.writeString(notArrow, "this is not arrow");
        DataFormatException e = assertThrows(DataFormatException.class, () -> ArrowIpc.read(notArrow, allocator));
        assertTrue(e.getMessage().startsWith(notArrow.toString()), e.getMessage());

        Path truncated = dir.resolve("truncated.arrow");
        try (Table original = sample()) {
            ArrowIpc.writeFile(original, truncated);
        }
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(DataFormatException.class, () -> ArrowIpc.read(truncated, allocator));
        assertEquals(0, allocator.getAllocatedMemory());
    }

    @Test
    void unsupportedExtensionAndMissingFilesAreNamed() {
        try (Table original = sample()) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> TableFiles.write(original, dir.resolve("out.xlsx")));
            assertTrue(e.getMessage().contains(".csv, .arrow"), e.getMessage());
            assertFalse(Files.exists(dir.resolve("out.xlsx")));
            assertThrows(InvalidInputException.class, () -> TableFiles.write(original, dir.resolve("no/such/dir/x.csv")));
        }
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> TableFiles.read(dir.resolve("absent.arrow"), allocator));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
    }

    @Test
    void failedWriteLeavesTheOldFileInPlace() throws IOException {
        Path file = dir.resolve("keep.csv");
        Files.writeString(file, "old\n");
        IOException e = assertThrows(IOException.class, () -> io.daybreak.data.AtomicFiles.write(file, out -> {
            out.write("partial".getBytes());
            throw new IOException("disk full (simulated)");
        }));
        assertTrue(e.getMessage().startsWith(file + ": cannot write: disk full"), e.getMessage());
        assertEquals("old\n", Files.readString(file));
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
    }

    @Test
    void writtenFilesAreReadableByOthersOrKeepTheOldPermissions() throws IOException {
        Path fresh = dir.resolve("fresh.csv");
        Path kept = dir.resolve("kept.csv");
        Files.writeString(kept, "old\n");
        Files.setPosixFilePermissions(kept, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        try (Table original = sample()) {
            TableFiles.write(original, fresh);
            TableFiles.write(original, kept);
        }
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(fresh)));
        assertEquals("rw-rw----", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(kept)));
    }
}
