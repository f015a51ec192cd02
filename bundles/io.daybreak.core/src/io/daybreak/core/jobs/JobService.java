package io.daybreak.core.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs methods asynchronously on a bounded pool, with progress, cancellation and provenance.
 * Submission checks the method id, parameters and inputs synchronously and throws
 * {@link io.daybreak.data.InvalidInputException} (or a subclass) for bad input, so that nothing is queued
 * that cannot run. Thread-safe.
 */
@ProviderType
public interface JobService {
    /** Validates and queues a run. */
    Job submit(RunRequest request);

    /**
     * Submits and waits. Returns the result (the caller closes it) or throws {@link RunFailedException}
     * for a failed or cancelled run.
     */
    default RunResult run(RunRequest request) throws InterruptedException {
        return await(submit(request), null);
    }

    /** Waits for a job (at most {@code timeout}, or forever if null) and returns its result. */
    RunResult await(Job job, Duration timeout) throws InterruptedException;

    /** Known jobs, newest first: all queued and running ones and the most recent finished ones. */
    List<Job> jobs();

    Optional<Job> job(long id);

    /** Requests cancellation; false if there is no such job or it has already finished. */
    boolean cancel(long id);
}
