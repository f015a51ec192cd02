package io.daybreak.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.unsafe.UnsafeAllocationManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Gives each test its own root allocator and fails the test if any Arrow memory is still held at the end. */
public abstract class ArrowTestSupport {
    protected BufferAllocator allocator;

    @BeforeEach
    void openAllocator() {
        allocator = new RootAllocator(RootAllocator.configBuilder()
                .allocationManagerFactory(UnsafeAllocationManager.FACTORY).build());
    }

    @AfterEach
    void closeAllocator() {
        assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory leaked by the test or the code under test");
        allocator.close();
    }

    /** A file shipped in this test bundle's resources/ folder. */
    protected static Path testData(String name) {
        return Path.of(System.getProperty("daybreak.testdata.dir"), name);
    }
}
