package io.daybreak.federation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.unsafe.UnsafeAllocationManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.daybreak.data.ColumnType;
import io.daybreak.data.Table;
import io.daybreak.data.ipc.ArrowIpc;

/** Labels in a release: they round-trip, and a release of numbers only is the same bytes as before labels. */
class AggregatesLabelsTest {
    private BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator(RootAllocator.configBuilder()
                .allocationManagerFactory(UnsafeAllocationManager.FACTORY).build());
    }

    @AfterEach
    void close() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    @Test
    void labelsTravelInTheirOwnColumnInOrder() {
        Aggregates release = Aggregates.builder().putLabels("rowLabels", List.of("female", "male"))
                .put("counts", 12, 15).build();
        Aggregates read = Aggregates.fromBytes(release.toBytes(allocator), allocator);
        assertEquals(List.of("rowLabels", "counts"), read.names());
        assertEquals(List.of("female", "male"), read.labels("rowLabels"));
        assertArrayEquals(new double[] {12, 15}, read.get("counts"));
        assertFalse(read.has("columnLabels"));
    }

    @Test
    void numbersOnlyReleasesKeepTheirFormerBytes() throws Exception {
        Aggregates release = Aggregates.builder().put("n", 5).put("mean", 1.5, 2.5).build();
        // the format before labels: (name, index, value) only
        byte[] former;
        try (Table table = Table.builder(allocator).add("name", ColumnType.STRING, List.of("n", "mean", "mean"))
                .add("index", ColumnType.INT64, List.of(0L, 0L, 1L))
                .add("value", ColumnType.FLOAT64, List.of(5.0, 1.5, 2.5)).build()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ArrowIpc.writeStream(table, out);
            former = out.toByteArray();
        }
        assertArrayEquals(former, release.toBytes(allocator));
    }
}
