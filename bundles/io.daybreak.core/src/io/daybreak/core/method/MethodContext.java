package io.daybreak.core.method;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.commons.rng.UniformRandomProvider;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the platform gives one run of a method. Owned by the platform and valid only during
 * {@link Method#apply}. Thread-safe: a method may use it from worker threads it starts (and joins)
 * within {@code apply}.
 */
@ProviderType
public interface MethodContext {
    /**
     * The run's Arrow allocator, a child of the runtime's root allocator. The platform closes it after the
     * run; memory still allocated then (other than the returned output tables) fails the run as a leak.
     */
    BufferAllocator allocator();

    /** The run's seed, recorded in its provenance. */
    long seed();

    /**
     * Random stream {@code index} of this run: a function of the seed and the index only, so giving
     * replicate {@code i} stream {@code i} makes results independent of the number of threads. A stream
     * object is not thread-safe; each thread takes its own streams.
     */
    UniformRandomProvider random(long index);

    /** Reports progress as a fraction in [0, 1] with an optional short message. */
    void progress(double fraction, String message);

    /** True once the run was cancelled (by a user, or because its method bundle went away). */
    boolean isCancelled();

    /** Throws {@link RunCancelledException} if the run was cancelled; call it in long loops. */
    void checkCancelled();

    /** A logger whose records are kept with the job and forwarded to the runtime log. */
    System.Logger logger();
}
