package io.daybreak.core.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.daybreak.core.jobs.Job;
import io.daybreak.core.jobs.JobStatus;
import io.daybreak.core.jobs.RunRequest;
import io.daybreak.core.jobs.RunResult;
import io.daybreak.core.method.Parameters;
import io.daybreak.core.provenance.ProvenanceRecord;
import io.daybreak.core.provenance.WiredBundle;
import io.daybreak.core.registry.RegisteredMethod;

/**
 * The mutable state of one job. Status fields are written by the worker running the job (and by
 * {@link #requestCancel} from any thread) and read from any thread, hence volatile.
 */
final class JobRecord implements Job {
    private static final int MAX_LOG_LINES = 200;

    private final long id;
    private final RegisteredMethod method;
    private final Parameters parameters;
    private final RunRequest request;
    private final long seed;
    private final String bundleSha256;
    private final List<WiredBundle> libraries;
    private final Instant submitted = Instant.now();
    private final CompletableFuture<RunResult> completion = new CompletableFuture<>();
    private final Deque<String> log = new ArrayDeque<>();

    private volatile JobStatus status = JobStatus.QUEUED;
    private volatile double progress;
    private volatile String message = "";
    private volatile String cancelReason;
    private volatile Map<String, Object> summary = Map.of();
    private volatile ProvenanceRecord provenance;

    JobRecord(long id, RegisteredMethod method, Parameters parameters, RunRequest request, long seed,
            String bundleSha256, List<WiredBundle> libraries) {
        this.id = id;
        this.bundleSha256 = bundleSha256;
        this.libraries = List.copyOf(libraries);
        this.method = method;
        this.parameters = parameters;
        this.request = request;
        this.seed = seed;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String methodId() {
        return method.id();
    }

    @Override
    public String methodVersion() {
        return method.version();
    }

    @Override
    public JobStatus status() {
        return status;
    }

    @Override
    public double progress() {
        return progress;
    }

    @Override
    public String message() {
        return message;
    }

    @Override
    public Instant submitted() {
        return submitted;
    }

    @Override
    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    @Override
    public Map<String, Object> summary() {
        return summary;
    }

    @Override
    public ProvenanceRecord provenance() {
        return provenance;
    }

    @Override
    public CompletableFuture<RunResult> completion() {
        return completion;
    }

    RegisteredMethod method() {
        return method;
    }

    Parameters parameters() {
        return parameters;
    }

    RunRequest request() {
        return request;
    }

    long seed() {
        return seed;
    }

    /** Digest of the method's bundle, taken at submission (the bundle may be gone by the end of the run). */
    String bundleSha256() {
        return bundleSha256;
    }

    /** The Daybreak bundles the method's bundle was wired to at submission. */
    List<WiredBundle> libraries() {
        return libraries;
    }

    /** The reason the run must stop (user cancellation or method withdrawal), or {@code null}. */
    String stopReason() {
        String reason = cancelReason;
        return reason != null ? reason : method.withdrawal();
    }

    boolean requestCancel(String reason) {
        if (status.isFinal()) {
            return false;
        }
        if (cancelReason == null) {
            cancelReason = reason;
        }
        return true;
    }

    void running() {
        status = JobStatus.RUNNING;
    }

    /** Records progress; ignored once the job has ended, so a late report cannot replace the final reason. */
    synchronized void progress(double fraction, String text) {
        if (status.isFinal()) {
            return;
        }
        progress = Math.max(0, Math.min(1, fraction));
        if (text != null) {
            message = text;
        }
    }

    void appendLog(String line) {
        synchronized (log) {
            if (log.size() == MAX_LOG_LINES) {
                log.removeFirst();
            }
            log.addLast(line);
        }
    }

    /** Ends the job successfully; the result is closed instead if the job had already ended. */
    synchronized void succeeded(RunResult result) {
        if (status.isFinal()) {
            result.close();
            return;
        }
        summary = result.summary();
        provenance = result.provenance();
        progress = 1;
        message = "";
        status = JobStatus.SUCCEEDED;
        if (!completion.complete(result)) {
            result.close();
        }
    }

    /** Ends the job as failed or cancelled; the first final state wins. */
    synchronized void ended(JobStatus finalStatus, String reason, ProvenanceRecord record, Throwable cause) {
        if (status.isFinal()) {
            return;
        }
        provenance = record;
        message = reason;
        status = finalStatus;
        completion.completeExceptionally(new io.daybreak.core.jobs.RunFailedException(id, finalStatus,
                "job " + id + " (" + method.id() + " " + method.version() + ") " + finalStatus.name().toLowerCase()
                        + ": " + reason, cause));
    }
}
