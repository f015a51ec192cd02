package io.daybreak.core.jobs;

/** A run did not succeed: it failed, or it was cancelled ({@link #status()} tells which). */
public final class RunFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final JobStatus status;
    private final long jobId;

    public RunFailedException(long jobId, JobStatus status, String message, Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
        this.status = status;
    }

    public JobStatus status() {
        return status;
    }

    public long jobId() {
        return jobId;
    }
}
