package io.daybreak.federation.sources;

import java.io.IOException;

/**
 * A node's datasets that cannot be served: a datasets file or cohort definition that is not valid (the message names
 * the file and the field), or a source that cannot be read (the message names the dataset, the connection and the SQL
 * state; never a password). Nothing of the datasets stays loaded.
 */
public final class DatasetSourceException extends IOException {
    private static final long serialVersionUID = 1L;

    public DatasetSourceException(String message) {
        super(message);
    }
}
