package io.daybreak.federation.site;

/**
 * A request a node did not serve, with a structured code. Messages name the rule or the problem but never
 * contain data: this is all a requester learns.
 */
public final class NodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Why a request was not served. {@code DATASET_CHANGED}: the analysis pins a version of the dataset (its content
     * digest at this site) that is not the one the site serves.
     */
    public enum Code {
        NOT_ALLOWED, UNKNOWN_DATASET, UNKNOWN_STEP, BAD_REQUEST, DISCLOSURE, INTERNAL, DATASET_CHANGED
    }

    private final Code code;

    public NodeException(Code code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
