package io.daybreak.data.internal;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.unsafe.UnsafeAllocationManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.daybreak.data.ArrowMemory;

/**
 * Owns the runtime's Arrow root allocator from activation to deactivation. The allocation manager is
 * chosen explicitly (Unsafe) instead of by Arrow's reflective class-name lookup, which depends on
 * class-loader visibility that OSGi does not promise.
 */
@Component(service = ArrowMemory.class)
public final class ArrowMemoryComponent implements ArrowMemory {
    private RootAllocator root;

    @Activate
    void activate() {
        root = new RootAllocator(RootAllocator.configBuilder()
                .allocationManagerFactory(UnsafeAllocationManager.FACTORY)
                .maxAllocation(Long.MAX_VALUE)
                .build());
    }

    @Deactivate
    void deactivate() {
        root.close();
    }

    @Override
    public BufferAllocator newChildAllocator(String name) {
        return root.newChildAllocator(name, 0, Long.MAX_VALUE);
    }

    @Override
    public long allocatedBytes() {
        return root.getAllocatedMemory();
    }
}
