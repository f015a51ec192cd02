package io.daybreak.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.unsafe.UnsafeAllocationManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Parameters;
import io.daybreak.data.Table;

/**
 * Base class for tests that call a method's {@code apply} directly: a root allocator per test that must
 * end with zero bytes allocated, and helpers that bind raw parameters the way the platform does.
 */
public abstract class MethodTestSupport {
    protected BufferAllocator allocator;

    @BeforeEach
    protected void openAllocator() {
        allocator = new RootAllocator(RootAllocator.configBuilder()
                .allocationManagerFactory(UnsafeAllocationManager.FACTORY).build());
    }

    @AfterEach
    protected void closeAllocator() {
        assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory leaked by the test or the method");
        allocator.close();
    }

    /** Binds {@code raw} against the method's descriptor and applies it; the caller closes the outputs. */
    protected MethodResult apply(Method method, Map<String, ?> raw, Map<String, Table> inputs,
            TestMethodContext context) throws Exception {
        return method.apply(inputs, Parameters.bind(method.descriptor(), raw), context);
    }

    /**
     * Applies the method to {@code inputs} with the given seed; {@code outputs}, if not null, reads the output tables
     * before they are closed. Returns the summary.
     */
    protected Map<String, Object> run(Method method, Map<String, Table> inputs, Map<String, ?> raw, long seed,
            Consumer<Map<String, Table>> outputs) throws Exception {
        MethodResult result = apply(method, raw, inputs, new TestMethodContext(allocator, seed));
        try {
            if (outputs != null) {
                outputs.accept(result.outputs());
            }
            return result.summary();
        } finally {
            result.outputs().values().forEach(Table::close);
        }
    }

    /** A summary's list of numbers as an array. */
    @SuppressWarnings("unchecked")
    public static double[] doubles(Object list) {
        return ((List<Number>) list).stream().mapToDouble(Number::doubleValue).toArray();
    }

    /** |a − b| ≤ tolerance·max(|b|, 1e-300). */
    public static void assertRelative(double expected, double actual, double tolerance, String what) {
        double scale = Math.max(Math.abs(expected), 1e-300);
        if (!(Math.abs(actual - expected) <= tolerance * scale)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual + " (relative difference "
                    + Math.abs(actual - expected) / scale + " > " + tolerance + ")");
        }
    }

    /** Applies the method with no inputs and the given seed, closes its outputs and returns its summary. */
    protected Map<String, Object> summary(Method method, Map<String, ?> raw, long seed) throws Exception {
        MethodResult result = apply(method, raw, Map.of(), new TestMethodContext(allocator, seed));
        result.outputs().values().forEach(Table::close);
        return result.summary();
    }
}
