package io.daybreak.core.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.commons.rng.UniformRandomProvider;

import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.RunCancelledException;
import io.daybreak.stats.random.RandomStreams;

/**
 * A {@link MethodContext} for calling a method's {@code apply} directly in a unit test. The test owns
 * the allocator; progress reports and log lines are recorded for assertions.
 */
public final class TestMethodContext implements MethodContext {
    private final BufferAllocator allocator;
    private final RandomStreams streams;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Double> progress = Collections.synchronizedList(new ArrayList<>());
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    public TestMethodContext(BufferAllocator allocator, long seed) {
        this.allocator = allocator;
        this.streams = new RandomStreams(seed);
    }

    @Override
    public BufferAllocator allocator() {
        return allocator;
    }

    @Override
    public long seed() {
        return streams.seed();
    }

    @Override
    public UniformRandomProvider random(long index) {
        return streams.stream(index);
    }

    @Override
    public void progress(double fraction, String message) {
        progress.add(fraction);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public void checkCancelled() {
        if (cancelled.get()) {
            throw new RunCancelledException("cancelled by test");
        }
    }

    public void cancel() {
        cancelled.set(true);
    }

    public List<Double> progressReports() {
        return List.copyOf(progress);
    }

    public List<String> logLines() {
        return List.copyOf(log);
    }

    @Override
    public System.Logger logger() {
        return new System.Logger() {
            @Override
            public String getName() {
                return "test";
            }

            @Override
            public boolean isLoggable(Level level) {
                return true;
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
                log.add(level + " " + msg);
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                log.add(level + " " + java.text.MessageFormat.format(format, params));
            }
        };
    }
}
