package io.daybreak.data.internal;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.unsafe.UnsafeAllocationManager;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.daybreak.data.ArrowMemory;

/**
 * Owns the runtime's Arrow root allocator until deactivation. The allocator is created on first use:
 * initialising Arrow's memory classes costs a few hundred milliseconds, which commands that never touch
 * data (listing methods, say) should not pay. The allocation manager is chosen explicitly (Unsafe) instead
 * of by Arrow's reflective class-name lookup, which depends on class-loader visibility OSGi does not
 * promise.
 */
@Component(service = ArrowMemory.class)
public final class ArrowMemoryComponent implements ArrowMemory {
    private RootAllocator root;
    private boolean closed;

    @Deactivate
    synchronized void deactivate() {
        closed = true;
        if (root != null) {
            root.close();
        }
    }

    private synchronized RootAllocator root() {
        if (closed) {
            throw new IllegalStateException("the Arrow memory service was stopped");
        }
        if (root == null) {
            root = new RootAllocator(RootAllocator.configBuilder()
                    .allocationManagerFactory(UnsafeAllocationManager.FACTORY)
                    .maxAllocation(Long.MAX_VALUE)
                    .build());
        }
        return root;
    }

    @Override
    public BufferAllocator newChildAllocator(String name) {
        return root().newChildAllocator(name, 0, Long.MAX_VALUE);
    }

    @Override
    public synchronized long allocatedBytes() {
        return root == null ? 0 : root.getAllocatedMemory();
    }
}
