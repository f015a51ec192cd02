package io.daybreak.core.internal;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.commons.rng.UniformRandomProvider;

import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.RunCancelledException;
import io.daybreak.stats.random.RandomStreams;

/** The {@link MethodContext} of one run; lives as long as the method's {@code apply} call. */
final class RunContext implements MethodContext {
    private final JobRecord job;
    private final BufferAllocator allocator;
    private final RandomStreams streams;
    private final System.Logger logger;

    RunContext(JobRecord job, BufferAllocator allocator) {
        this.job = job;
        this.allocator = allocator;
        this.streams = new RandomStreams(job.seed());
        this.logger = new RunLogger(job);
    }

    @Override
    public BufferAllocator allocator() {
        return allocator;
    }

    @Override
    public long seed() {
        return job.seed();
    }

    @Override
    public UniformRandomProvider random(long index) {
        return streams.stream(index);
    }

    @Override
    public void progress(double fraction, String message) {
        job.progress(fraction, message);
    }

    @Override
    public boolean isCancelled() {
        return job.stopReason() != null;
    }

    @Override
    public void checkCancelled() {
        String reason = job.stopReason();
        if (reason != null) {
            throw new RunCancelledException(reason);
        }
    }

    @Override
    public System.Logger logger() {
        return logger;
    }
}
