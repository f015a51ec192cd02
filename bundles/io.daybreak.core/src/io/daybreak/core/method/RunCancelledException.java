package io.daybreak.core.method;

/** Thrown by {@link MethodContext#checkCancelled()} once a run has been cancelled; the message says why. */
public final class RunCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunCancelledException(String reason) {
        super(reason);
    }
}
