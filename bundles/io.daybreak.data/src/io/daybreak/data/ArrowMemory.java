package io.daybreak.data;

import org.apache.arrow.memory.BufferAllocator;

/**
 * The runtime's Arrow memory: one root allocator per framework, owned by this service. Everyone else
 * takes a named child allocator, owns it and closes it; closing a child that still holds buffers fails,
 * which is how leaks are caught.
 */
public interface ArrowMemory {
    /** A new child of the root allocator; the caller owns and closes it. */
    BufferAllocator newChildAllocator(String name);

    /** Bytes currently allocated from the root allocator by all children together. */
    long allocatedBytes();
}
