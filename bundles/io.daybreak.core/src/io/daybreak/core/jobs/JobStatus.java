package io.daybreak.core.jobs;

/** The life cycle of a job: QUEUED, then RUNNING, then exactly one of the three final states. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
