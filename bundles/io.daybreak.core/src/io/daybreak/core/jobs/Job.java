package io.daybreak.core.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.osgi.annotation.versioning.ProviderType;

import io.daybreak.core.provenance.ProvenanceRecord;

/** A submitted run: its identity, live status and progress, and eventually its result. Thread-safe. */
@ProviderType
public interface Job {
    long id();

    String methodId();

    /** The version of the method registration the job was bound to at submission. */
    String methodVersion();

    JobStatus status();

    /** Fraction done in [0, 1], as last reported by the method. */
    double progress();

    /** The last progress message, or for a final state the reason (failure message, cancellation cause). */
    String message();

    Instant submitted();

    /** The recent log lines of the run (bounded). */
    List<String> log();

    /** The summary of a successful run, else empty. */
    Map<String, Object> summary();

    /** The provenance record once the job is final, else {@code null}. */
    ProvenanceRecord provenance();

    /**
     * Completes with the result when the job succeeds, or exceptionally with a {@link RunFailedException}
     * when it fails or is cancelled. The {@link RunResult} is owned by whoever takes it and must be closed;
     * if nobody takes it within the job's life it is closed when the job service stops.
     */
    CompletableFuture<RunResult> completion();
}
